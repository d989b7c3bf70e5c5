// One goroutine per name: fast, but not a pool.
// want: One goroutine per name is not a pool
// fails: pool-of-four
// real: clean
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
	var wg sync.WaitGroup
	for i, name := range names {
		wg.Add(1)
		go func() {
			defer wg.Done()
			results[i] = process(name)
		}()
	}
	wg.Wait()
	fmt.Println(strings.Join(results, " "))
}
