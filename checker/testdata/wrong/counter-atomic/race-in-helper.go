// A named function does the read and the write; an atomic counts only the
// calls. The hits themselves still race.
// fails: output
// real: race
package main

import (
	"fmt"
	"runtime"
	"sync"
	"sync/atomic"
)

var calls atomic.Int64

func hit(hits *int64) {
	calls.Add(1)
	n := *hits
	runtime.Gosched()
	*hits = n + 1
}

func main() {
	var hits int64
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() {
			for range 100 {
				hit(&hits)
			}
		})
	}
	wg.Wait()
	fmt.Println("hits:", hits)
}
