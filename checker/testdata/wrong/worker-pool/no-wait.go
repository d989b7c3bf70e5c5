// No wg.Wait() before printing: empty slots.
// want: main printed before the workers had finished
// fails: output
// real: output
package main

import (
	"fmt"
	"strings"
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
	for range 4 {
		go func() {
			for i := range jobs {
				results[i] = process(names[i])
			}
		}()
	}
	for i := range names {
		jobs <- i
	}
	close(jobs)
	fmt.Println(strings.Join(results, " "))
}
