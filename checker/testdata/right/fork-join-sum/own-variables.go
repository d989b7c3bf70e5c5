// Four variables, one per goroutine, each written by its own literal.
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
	var q0, q1, q2, q3 int
	var wg sync.WaitGroup
	wg.Add(4)
	go func() { defer wg.Done(); q0 = sumSquares(0, n/4) }()
	go func() { defer wg.Done(); q1 = sumSquares(n/4, n/2) }()
	go func() { defer wg.Done(); q2 = sumSquares(n/2, 3*n/4) }()
	go func() { defer wg.Done(); q3 = sumSquares(3*n/4, n) }()
	wg.Wait()
	fmt.Println("sum:", q0+q1+q2+q3)
}
