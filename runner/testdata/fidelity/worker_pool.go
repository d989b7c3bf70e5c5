// A worker pool on one P: runnext hand-offs let the last started worker take every job; the others starve.
package main

import (
	"fmt"
	"sync"
)

func main() {
	fmt.Println("start")
	jobs := make(chan int)
	results := make(chan string, 6)
	var wg sync.WaitGroup
	for w := 1; w <= 3; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range jobs {
				results <- fmt.Sprintf("worker %d did job %d", w, j)
			}
		}()
	}
	for j := 1; j <= 6; j++ {
		jobs <- j
	}
	close(jobs)
	wg.Wait()
	close(results)
	for r := range results {
		fmt.Println(r)
	}
}
