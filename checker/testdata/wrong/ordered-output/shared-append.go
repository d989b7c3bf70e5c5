// Results appended to one shared slice, then sorted: appends get lost.
// fails: no-data-race
// real: race
package main

import (
	"fmt"
	"sort"
	"sync"
	"time"
)

// square computes n*n slowly: the smaller n, the longer it takes.
func square(n int) int {
	time.Sleep(time.Duration(5-n) * 10 * time.Millisecond)
	return n * n
}

func main() {
	var results []int
	var wg sync.WaitGroup
	for i := 0; i < 5; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			results = append(results, square(i))
		}()
	}
	wg.Wait()
	sort.Ints(results)
	for i, r := range results {
		fmt.Println(i, "squared is", r)
	}
}
