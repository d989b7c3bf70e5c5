// process made shorter instead of parallel.
// fails: same-work
// real: clean
package main

import (
	"fmt"
	"time"

	"gpm"
)

// process stands for CPU work on one part of the input.
func process(part int) int {
	gpm.Work(5 * time.Millisecond)
	return part * part
}

func main() {
	start := time.Now()
	total := 0
	for part := 1; part <= 4; part++ {
		total += process(part)
	}
	fmt.Println("total:", total)
	fmt.Println("time:", time.Since(start).Round(time.Millisecond))
}
