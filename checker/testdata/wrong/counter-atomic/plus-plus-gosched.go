// hits++ with the Gosched after it: one statement, still a read and a
// write. On several Ps another goroutine's hits++ can land between them:
// the output is wrong there (on one P it is 800), besides the static
// checks.
// want: Hits were lost
// want: fails only under some schedules
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
