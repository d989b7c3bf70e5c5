// The two halves started in a loop, received in a loop.
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
	for _, lo := range []int{1, 51} {
		go func() { results <- sum(lo, lo+49) }()
	}
	total := 0
	for range 2 {
		total += <-results
	}
	fmt.Println("sum:", total)
}
