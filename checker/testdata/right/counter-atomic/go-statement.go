// go statements and wg.Add instead of wg.Go.
package main

import (
	"fmt"
	"runtime"
	"sync"
	"sync/atomic"
)

func main() {
	var hits atomic.Int32
	var wg sync.WaitGroup
	wg.Add(8)
	for g := 0; g < 8; g++ {
		go func() {
			defer wg.Done()
			for i := 0; i < 100; i++ {
				hits.Add(1)
				runtime.Gosched()
			}
		}()
	}
	wg.Wait()
	fmt.Println("hits:", hits.Load())
}
