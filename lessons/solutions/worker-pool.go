//go:build ignore

// Reference solution of the exercise worker-pool (lesson 11): four workers
// take job indexes from a channel and write each result into its own slot,
// so the results stay in the order of the names.
package main

import (
	"fmt"
	"strings"
	"sync"
	"time"
)

// process stands for a slow job, such as fetching a page: 100 ms each.
func process(name string) string {
	time.Sleep(100 * time.Millisecond)
	return strings.ToUpper(name)
}

func main() {
	names := []string{"ant", "bee", "cat", "dog", "eel", "fox", "gnu", "hen"}
	results := make([]string, len(names))
	jobs := make(chan int)
	var wg sync.WaitGroup
	for range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range jobs {
				results[i] = process(names[i]) // each job has its own slot
			}
		}()
	}
	for i := range names {
		jobs <- i
	}
	close(jobs)
	wg.Wait()
	fmt.Println(strings.Join(results, " "))
}
