// Each part sends its result on a channel; main adds up four results.
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
	results := make(chan int)
	for part := 1; part <= 4; part++ {
		go func(p int) { results <- process(p) }(part)
	}
	total := 0
	for range 4 {
		total += <-results
	}
	fmt.Println("total:", total)
	fmt.Println("time:", time.Since(start).Round(time.Millisecond))
}
