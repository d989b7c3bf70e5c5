// The jobs channel is filled and closed before the workers start.
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
	jobs := make(chan int, len(names))
	for i := range names {
		jobs <- i
	}
	close(jobs)
	results := make([]string, len(names))
	var wg sync.WaitGroup
	wg.Add(4)
	for w := 0; w < 4; w++ {
		go func() {
			defer wg.Done()
			for i := range jobs {
				results[i] = process(names[i])
			}
		}()
	}
	wg.Wait()
	fmt.Println(strings.Join(results, " "))
}
