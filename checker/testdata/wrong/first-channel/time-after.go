// The halves go into a buffered channel; main waits on the clock, then
// closes the channel and adds up what is there.
// fails: avoids-clock-wait
// real: clean
package main

import (
	"fmt"
	"time"
)

// sum adds up the whole numbers from lo to hi.
func sum(lo, hi int) int {
	total := 0
	for i := lo; i <= hi; i++ {
		total += i
	}
	return total
}

func main() {
	results := make(chan int, 2)
	go func() { results <- sum(1, 50) }()
	go func() { results <- sum(51, 100) }()
	<-time.After(10 * time.Millisecond) // both halves are surely done by now
	close(results)
	total := 0
	for r := range results {
		total += r
	}
	fmt.Println("sum:", total)
}
