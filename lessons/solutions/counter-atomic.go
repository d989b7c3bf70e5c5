//go:build ignore

// Reference solution of the exercise counter-atomic (lesson 12): the read
// and the write become one atomic Add, so no update can be lost.
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
				hits.Add(1)       // read, add and write in one indivisible step
				runtime.Gosched() // another goroutine may run here: no harm now
			}
		})
	}
	wg.Wait()
	fmt.Println("hits:", hits.Load())
}
