//go:build ignore

// Reference solution of the exercise ordered-output (lesson 4): compute
// concurrently into results[i], print in order after wg.Wait.
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
	results := make([]int, 5)
	var wg sync.WaitGroup
	for i := 0; i < 5; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			results[i] = square(i) // compute concurrently, print later
		}()
	}
	wg.Wait()
	for i, r := range results { // print in order, once all are done
		fmt.Println(i, "squared is", r)
	}
}
