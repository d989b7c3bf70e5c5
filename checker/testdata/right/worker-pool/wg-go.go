// Four workers started with WaitGroup.Go.
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
		wg.Go(func() {
			for i := range jobs {
				results[i] = process(names[i])
			}
		})
	}
	for i := range names {
		jobs <- i
	}
	close(jobs)
	wg.Wait()
	fmt.Println(strings.Join(results, " "))
}
