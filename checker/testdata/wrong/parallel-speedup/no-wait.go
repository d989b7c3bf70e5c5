// Goroutines started, but main does not wait.
// want: main printed before the parts were processed
// fails: output-matches
// real: output
package main

import (
	"fmt"
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
	for part := 1; part <= 4; part++ {
		go func() { results[part] = process(part) }()
	}
	total := 0
	for _, r := range results {
		total += r
	}
	fmt.Println("total:", total)
	fmt.Println("time:", time.Since(start).Round(time.Millisecond))
}
