// Three workers share four jobs; the program prints how many jobs each
// worker did, sorted by worker.
package main

import (
	"fmt"
	"sync"
)

func main() {
	jobs := make(chan int, 4)
	for j := range 4 {
		jobs <- j
	}
	close(jobs)
	var mu sync.Mutex
	done := make([]int, 3)
	var wg sync.WaitGroup
	for w := range 3 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for range jobs {
				mu.Lock()
				done[w]++
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
	fmt.Println(done)
}
