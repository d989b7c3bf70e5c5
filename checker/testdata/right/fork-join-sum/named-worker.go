// A named worker stores its quarter through its own pointer.
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

func worker(lo, hi int, out *int, wg *sync.WaitGroup) {
	defer wg.Done()
	*out = sumSquares(lo, hi)
}

func main() {
	const n = 2_000_000
	fmt.Println("Ps:", runtime.GOMAXPROCS(0))
	var q0, q1, q2, q3 int
	var wg sync.WaitGroup
	wg.Add(4)
	go worker(0, n/4, &q0, &wg)
	go worker(n/4, n/2, &q1, &wg)
	go worker(n/2, 3*n/4, &q2, &wg)
	go worker(3*n/4, n, &q3, &wg)
	wg.Wait()
	fmt.Println("sum:", q0+q1+q2+q3)
}
