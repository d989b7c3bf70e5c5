// An atomic load and an atomic store: still two steps.
// want: Each access is atomic, but read-then-write is still two steps
// fails: output uses-atomic-add
// real: output
package main

import (
	"fmt"
	"runtime"
	"sync"
	"sync/atomic"
)

func main() {
	var hits int64
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() {
			for range 100 {
				n := atomic.LoadInt64(&hits)
				runtime.Gosched()
				atomic.StoreInt64(&hits, n+1)
			}
		})
	}
	wg.Wait()
	fmt.Println("hits:", atomic.LoadInt64(&hits))
}
