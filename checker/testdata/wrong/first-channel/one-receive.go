// One receive only: prints one half and leaves the other sender blocked.
// want: Two goroutines send, but main receives once
// fails: output no-leak
// real: output
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
	fmt.Println("sum:", <-results)
}
