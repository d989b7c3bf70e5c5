// Every goroutine adds into one shared total: a data race.
// want: Goroutines use total at the same time, at least one of them writing: that is a data race
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

func main() {
	const n, parts = 2_000_000, 4
	fmt.Println("Ps:", runtime.GOMAXPROCS(0))
	total := 0
	var wg sync.WaitGroup
	for p := 0; p < parts; p++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			total += sumSquares(p*n/parts, (p+1)*n/parts)
		}()
	}
	wg.Wait()
	fmt.Println("sum:", total)
}
