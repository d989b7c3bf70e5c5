// wg.Wait() inside the loop: one quarter at a time.
// want: The sum is right, but only one P was busy at any time
// fails: parallel
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
	const n, parts = 2_000_000, 4
	fmt.Println("Ps:", runtime.GOMAXPROCS(0))
	partial := make([]int, parts)
	var wg sync.WaitGroup
	for p := 0; p < parts; p++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			partial[p] = sumSquares(p*n/parts, (p+1)*n/parts)
		}()
		wg.Wait()
	}
	total := 0
	for _, s := range partial {
		total += s
	}
	fmt.Println("sum:", total)
}
