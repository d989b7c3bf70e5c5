// The function form, atomic.AddInt64 and atomic.LoadInt64.
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
				atomic.AddInt64(&hits, 1)
				runtime.Gosched()
			}
		})
	}
	wg.Wait()
	fmt.Println("hits:", atomic.LoadInt64(&hits))
}
