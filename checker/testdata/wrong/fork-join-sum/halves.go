// Two goroutines of half the range each: two forks, not four.
// fails: goroutines
// real: clean
package main

import (
	"fmt"
	"runtime"
	"sync"
)

// sumSquares adds up i*i for every i from lo up to, but not including, hi.
func sumSquares(lo, hi int) int {
	total := 0
	for i := lo; i < hi; i++ {
		total += i * i
	}
	return total
}

func main() {
	const n = 2_000_000
	fmt.Println("Ps:", runtime.GOMAXPROCS(0))
	var a, b int
	var wg sync.WaitGroup
	wg.Add(2)
	go func() { defer wg.Done(); a = sumSquares(0, n/2) }()
	go func() { defer wg.Done(); b = sumSquares(n/2, n) }()
	wg.Wait()
	fmt.Println("sum:", a+b)
}
