// CompareAndSwap without a retry: when another goroutine got there first,
// the hit is dropped.
// fails: output
// real: output
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
			for range 100 {
				old := hits.Load()
				runtime.Gosched()
				hits.CompareAndSwap(old, old+1)
			}
		})
	}
	wg.Wait()
	fmt.Println("hits:", hits.Load())
}
