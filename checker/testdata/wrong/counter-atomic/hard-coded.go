// The hits are counted atomically, but the line printed is typed in.
// fails: computes-output
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
			for range 100 {
				hits.Add(1)
				runtime.Gosched()
			}
		})
	}
	wg.Wait()
	fmt.Println("hits: 800")
}
