// Results from a parallel worker pool arrive in any order; sorting them gives deterministic output.
package main

import (
	"fmt"
	"sort"
	"sync"
)

func main() {
	fmt.Println("start")
	jobs := make(chan int)
	results := make(chan int)
	var wg sync.WaitGroup
	for w := 0; w < 4; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range jobs {
				results <- j * j
			}
		}()
	}
	go func() {
		for j := 1; j <= 20; j++ {
			jobs <- j
		}
		close(jobs)
		wg.Wait()
		close(results)
	}()
	var got []int
	for r := range results {
		got = append(got, r)
	}
	sort.Ints(got)
	fmt.Println(got)
}
