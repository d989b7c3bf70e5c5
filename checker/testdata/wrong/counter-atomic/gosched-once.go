// runtime.Gosched moved out of the loop: the goroutines no longer give
// way between hits.
// fails: uses-gosched-in-loop
// real: clean
package main

import (
	"fmt"
	"runtime"
	"sync"
	"sync/atomic"
)

func main() {
	var hits atomic.Int64
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() {
			runtime.Gosched()
			for range 100 {
				hits.Add(1)
			}
		})
	}
	wg.Wait()
	fmt.Println("hits:", hits.Load())
}
