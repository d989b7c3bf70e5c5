// WaitGroup.Go runs each part; each stores its own result.
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
	var results [5]int
	var wg sync.WaitGroup
	for part := 1; part <= 4; part++ {
		wg.Go(func() { results[part] = process(part) })
	}
	wg.Wait()
	total := 0
	for _, r := range results {
		total += r
	}
	fmt.Println("total:", total)
	fmt.Println("time:", time.Since(start).Round(time.Millisecond))
}
