//go:build ignore

// Reference solution of the exercise first-channel (lesson 8).
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
	results := make(chan int) // each half sends its partial sum here
	go func() { results <- sum(1, 50) }()
	go func() { results <- sum(51, 100) }()
	a := <-results // waits for whichever half is done first
	b := <-results // and for the other one
	fmt.Println("sum:", a+b)
}
