// hits++ with the Gosched after it: one statement, still a read and a
// write. On several Ps another goroutine's hits++ can land between them
// and the output is wrong there (on one P it is 800); the race detector
// finds the race under every schedule, one P included, as go run -race
// does.
// want: Goroutines use hits at the same time, at least one of them writing: that is a data race
// fails: no-data-race uses-atomic-add
// real: race
package main

import (
	"fmt"
	"runtime"
	"sync"
)

func main() {
	var hits int64
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() {
			for range 100 {
				hits++
				runtime.Gosched()
			}
		})
	}
	wg.Wait()
	fmt.Println("hits:", hits)
}
