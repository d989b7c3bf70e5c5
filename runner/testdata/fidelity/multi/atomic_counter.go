// Atomic increments from goroutines running in parallel never lose an update.
package main

import (
	"fmt"
	"sync"
	"sync/atomic"
)

func main() {
	fmt.Println("start")
	var n atomic.Int64
	var wg sync.WaitGroup
	for i := 0; i < 16; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := 0; j < 10_000; j++ {
				n.Add(1)
			}
		}()
	}
	wg.Wait()
	fmt.Println("count", n.Load())
}
