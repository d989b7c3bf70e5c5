// The channel only signals; the sums still go through shared variables.
// want: The sums still travel through shared variables
// fails: no-outer-writes
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
	var low, high int
	done := make(chan bool)
	go func() { low = sum(1, 50); done <- true }()
	go func() { high = sum(51, 100); done <- true }()
	<-done
	<-done
	fmt.Println("sum:", low+high)
}
