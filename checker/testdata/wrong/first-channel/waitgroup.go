// The halves go over a channel, but a WaitGroup does the waiting.
// fails: avoids-import-sync
// real: clean
package main

import (
	"fmt"
	"sync"
)

// sum adds up the whole numbers from lo to hi.
func sum(lo, hi int) int {
	total := 0
	for i := lo; i <= hi; i++ {
		total += i
	}
	return total
}

func main() {
	results := make(chan int, 2)
	var wg sync.WaitGroup
	wg.Add(2)
	go func() { defer wg.Done(); results <- sum(1, 50) }()
	go func() { defer wg.Done(); results <- sum(51, 100) }()
	wg.Wait()
	fmt.Println("sum:", <-results+<-results)
}
