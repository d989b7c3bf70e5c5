// WaitGroup.Go, each goroutine storing its own result.
package main

import (
	"fmt"
	"sync"
	"time"
)

// square computes n*n slowly: the smaller n, the longer it takes.
func square(n int) int {
	time.Sleep(time.Duration(5-n) * 10 * time.Millisecond)
	return n * n
}

func main() {
	var results [5]int
	var wg sync.WaitGroup
	for i := range results {
		wg.Go(func() { results[i] = square(i) })
	}
	wg.Wait()
	for i, r := range results {
		fmt.Println(i, "squared is", r)
	}
}
