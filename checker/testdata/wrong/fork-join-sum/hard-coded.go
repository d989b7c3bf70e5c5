// Four goroutines sum their quarters, but the sum printed is typed in.
// fails: computes-output
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
	partial := make([]int, 4)
	var wg sync.WaitGroup
	for p := range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			partial[p] = sumSquares(p*n/4, (p+1)*n/4)
		}()
	}
	wg.Wait()
	fmt.Println("sum: 2666664666667000000")
}
