// Four workers process the names, but the line printed is typed in.
// fails: computes-output
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
	jobs := make(chan string)
	var wg sync.WaitGroup
	for range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for name := range jobs {
				process(name)
			}
		}()
	}
	for _, name := range names {
		jobs <- name
	}
	close(jobs)
	wg.Wait()
	fmt.Println("ANT BEE CAT DOG EEL FOX GNU HEN")
}
