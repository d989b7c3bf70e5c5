// Results collected from a channel in the order they arrive.
// want: The words are right but the order is not
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
	jobs := make(chan string)
	results := make(chan string)
	for range 4 {
		go func() {
			for name := range jobs {
				results <- process(name)
			}
		}()
	}
	go func() {
		for _, name := range names {
			jobs <- name
		}
		close(jobs)
	}()
	var out []string
	for range names {
		out = append(out, <-results)
	}
	fmt.Println(strings.Join(out, " "))
}
