// A named function per half sends its sum on the channel it is given.
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

func half(lo, hi int, out chan<- int) {
	out <- sum(lo, hi)
}

func main() {
	results := make(chan int)
	go half(1, 50, results)
	go half(51, 100, results)
	total := <-results
	total += <-results
	fmt.Println("sum:", total)
}
