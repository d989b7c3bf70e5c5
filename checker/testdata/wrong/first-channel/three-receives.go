// main receives three times from two senders: deadlock.
// fails: ends-normally
// real: exit
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
	total := 0
	for i := 0; i < 3; i++ {
		total += <-results
	}
	fmt.Println("sum:", total)
}
