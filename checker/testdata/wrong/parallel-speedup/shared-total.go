// All goroutines add to one shared total, with a WaitGroup but no mutex.
// want: Goroutines use total at the same time, at least one of them writing: that is a data race
// fails: no-data-race
// real: race
package main

import (
	"fmt"
	"sync"
	"time"

	"gpm"
)

// process stands for 20 ms of CPU work on one part of the input.
func process(part int) int {
	gpm.Work(20 * time.Millisecond)
	return part * part
}

func main() {
	start := time.Now()
	total := 0
	var wg sync.WaitGroup
	for part := 1; part <= 4; part++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			total += process(part)
		}()
	}
	wg.Wait()
	fmt.Println("total:", total)
	fmt.Println("time:", time.Since(start).Round(time.Millisecond))
}
