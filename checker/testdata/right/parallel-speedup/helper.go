// A helper processes the parts in parallel and returns the total.
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

func processAll(parts []int) int {
	results := make([]int, len(parts))
	var wg sync.WaitGroup
	for i, p := range parts {
		wg.Add(1)
		go func() {
			defer wg.Done()
			results[i] = process(p)
		}()
	}
	wg.Wait()
	total := 0
	for _, r := range results {
		total += r
	}
	return total
}

func main() {
	start := time.Now()
	fmt.Println("total:", processAll([]int{1, 2, 3, 4}))
	fmt.Println("time:", time.Since(start).Round(time.Millisecond))
}
