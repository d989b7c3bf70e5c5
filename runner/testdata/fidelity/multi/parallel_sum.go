// Goroutines on several Ps sum disjoint ranges; the total is deterministic even though the order is not.
package main

import (
	"fmt"
	"sync"
)

func main() {
	fmt.Println("start")
	const parts = 8
	sums := make([]int, parts)
	var wg sync.WaitGroup
	for p := 0; p < parts; p++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := p * 100_000; i < (p+1)*100_000; i++ {
				sums[p] += i
			}
		}()
	}
	wg.Wait()
	total := 0
	for _, s := range sums {
		total += s
	}
	fmt.Println("total", total)
}
