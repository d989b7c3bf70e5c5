// The worker is a named function.
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

func worker(jobs <-chan int, names, results []string, wg *sync.WaitGroup) {
	defer wg.Done()
	for i := range jobs {
		results[i] = process(names[i])
	}
}

func main() {
	names := []string{"ant", "bee", "cat", "dog", "eel", "fox", "gnu", "hen"}
	results := make([]string, len(names))
	jobs := make(chan int)
	var wg sync.WaitGroup
	for range 4 {
		wg.Add(1)
		go worker(jobs, names, results, &wg)
	}
	for i := range names {
		jobs <- i
	}
	close(jobs)
	wg.Wait()
	fmt.Println(strings.Join(results, " "))
}
