// An atomic counter incremented by many goroutines reaches the exact total.
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
	for i := 0; i < 50; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := 0; j < 100; j++ {
				n.Add(1)
			}
		}()
	}
	wg.Wait()
	fmt.Println("total", n.Load())
	var flag atomic.Bool
	fmt.Println("swapped", flag.CompareAndSwap(false, true), flag.CompareAndSwap(false, true))
}
