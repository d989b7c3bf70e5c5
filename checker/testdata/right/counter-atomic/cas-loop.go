// A CompareAndSwap loop: read, give way, try to write n+1, retry if
// another goroutine wrote first.
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
				for {
					n := hits.Load()
					runtime.Gosched()
					if hits.CompareAndSwap(n, n+1) {
						break
					}
				}
			}
		})
	}
	wg.Wait()
	fmt.Println("hits:", hits.Load())
}
