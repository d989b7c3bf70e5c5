// hits++ without the Gosched: right on the simulator, still a data race.
// want: hits++ is still a data race
// fails: uses-atomic-add uses-gosched-in-loop
// real: race
package main

import (
	"fmt"
	"sync"
)

func main() {
	var hits int64
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() {
			for range 100 {
				hits++
			}
		})
	}
	wg.Wait()
	fmt.Println("hits:", hits)
}
