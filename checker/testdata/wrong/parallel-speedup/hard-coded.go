// The parts run in parallel, but the total is typed in.
// fails: computes-output
// real: clean
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
	var wg sync.WaitGroup
	for part := 1; part <= 4; part++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			process(part)
		}()
	}
	wg.Wait()
	fmt.Println("total: 30")
	fmt.Println("time:", time.Since(start).Round(time.Millisecond))
}
