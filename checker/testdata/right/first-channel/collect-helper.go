// main calls a helper that receives the two halves.
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

// collect receives n partial sums and adds them up.
func collect(results <-chan int, n int) int {
	total := 0
	for range n {
		total += <-results
	}
	return total
}

func main() {
	results := make(chan int)
	go func() { results <- sum(1, 50) }()
	go func() { results <- sum(51, 100) }()
	fmt.Println("sum:", collect(results, 2))
}
