// Both halves come back over the channel, but the line printed is typed
// in.
// fails: computes-output
// real: clean
package main

import "fmt"

// sum adds up the whole numbers from lo to hi.
func sum(lo, hi int) int {
	total := 0
	for i := lo; i <= hi; i++ {
		total += i
	}
	return total
}

func main() {
	results := make(chan int)
	go func() { results <- sum(1, 50) }()
	go func() { results <- sum(51, 100) }()
	<-results
	<-results
	fmt.Println("sum: 5050")
}
