// wg.Wait() right after each go: still 80 ms.
// want: Still 80 ms: you wait for each part before starting the next
// fails: virtual-time-procs-2
// real: output
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
	results := make([]int, 5)
	var wg sync.WaitGroup
	for part := 1; part <= 4; part++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			results[part] = process(part)
		}()
		wg.Wait()
	}
	total := 0
	for _, r := range results {
		total += r
	}
	fmt.Println("total:", total)
	fmt.Println("time:", time.Since(start).Round(time.Millisecond))
}
