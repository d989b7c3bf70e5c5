// A helper counts one hit and gives way; the loops call it.
package main

import (
	"fmt"
	"runtime"
	"sync"
	"sync/atomic"
)

func hit(hits *atomic.Int64) {
	hits.Add(1)
	runtime.Gosched()
}

func main() {
	var hits atomic.Int64
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() {
			for range 100 {
				hit(&hits)
			}
		})
	}
	wg.Wait()
	fmt.Println("hits:", hits.Load())
}
