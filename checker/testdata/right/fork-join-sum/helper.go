// A helper does the fork and the join; main prints its result.
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

func forkJoin(n, parts int) int {
	partial := make([]int, parts)
	var wg sync.WaitGroup
	for p := 0; p < parts; p++ {
		wg.Add(1)
		go func(p int) {
			defer wg.Done()
			partial[p] = sumSquares(p*n/parts, (p+1)*n/parts)
		}(p)
	}
	wg.Wait()
	total := 0
	for _, s := range partial {
		total += s
	}
	return total
}

func main() {
	const n = 2_000_000
	fmt.Println("Ps:", runtime.GOMAXPROCS(0))
	fmt.Println("sum:", forkJoin(n, 4))
}
