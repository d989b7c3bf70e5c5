// WaitGroup.Go forks the four quarters.
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
	var partial [4]int
	var wg sync.WaitGroup
	for p := range partial {
		wg.Go(func() { partial[p] = sumSquares(p*n/4, (p+1)*n/4) })
	}
	wg.Wait()
	fmt.Println("sum:", partial[0]+partial[1]+partial[2]+partial[3])
}
