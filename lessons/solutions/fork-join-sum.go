//go:build ignore

// Reference solution of the exercise fork-join-sum (lesson 3): four
// goroutines each sum a quarter (fork), a WaitGroup waits for them (join).
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
	partial := make([]int, parts)
	var wg sync.WaitGroup
	for p := 0; p < parts; p++ { // fork: one goroutine per quarter
		wg.Add(1)
		go func() {
			defer wg.Done()
			partial[p] = sumSquares(p*n/parts, (p+1)*n/parts)
		}()
	}
	wg.Wait() // join: all four quarters are done
	total := 0
	for _, s := range partial {
		total += s
	}
	fmt.Println("sum:", total)
}
