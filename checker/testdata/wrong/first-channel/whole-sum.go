// One goroutine sums everything, the other sends 0.
// fails: avoids-whole-sum
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
	go func() { results <- sum(1, 100) }()
	go func() { results <- 0 }()
	fmt.Println("sum:", <-results+<-results)
}
