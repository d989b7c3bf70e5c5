// A named function adds each quarter into one shared total through a
// pointer: a data race outside any go func literal.
// fails: no-data-race
// real: race
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

func quarter(lo, hi int, total *int, wg *sync.WaitGroup) {
	defer wg.Done()
	*total += sumSquares(lo, hi)
}

func main() {
	const n = 2_000_000
	fmt.Println("Ps:", runtime.GOMAXPROCS(0))
	total := 0
	var wg sync.WaitGroup
	for p := range 4 {
		wg.Add(1)
		go quarter(p*n/4, (p+1)*n/4, &total, &wg)
	}
	wg.Wait()
	fmt.Println("sum:", total)
}
