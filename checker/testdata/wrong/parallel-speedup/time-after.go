// main waits on the clock with <-time.After, then adds up what is there.
// fails: avoids-clock-wait
// real: race
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
	<-time.After(22 * time.Millisecond) // each part takes 20 ms
	total := 0
	for _, r := range results {
		total += r
	}
	fmt.Println("total:", total)
	fmt.Println("time:", time.Since(start).Round(time.Millisecond))
}
