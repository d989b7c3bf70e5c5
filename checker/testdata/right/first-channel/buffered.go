// A buffered channel: the senders never wait.
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
	results := make(chan int, 2)
	go func() { results <- sum(1, 50) }()
	go func() { results <- sum(51, 100) }()
	a, b := <-results, <-results
	fmt.Println("sum:", a+b)
}
