// The workers take the next job from a shared counter, not a channel:
// two workers can take the same job.
// fails: no-data-race
// real: race
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
	done := make(chan bool)
	next := 0
	for range 4 {
		go func() {
			for next < len(names) {
				i := next
				next++
				results[i] = process(names[i])
			}
			done <- true
		}()
	}
	for range 4 {
		<-done
	}
	fmt.Println(strings.Join(results, " "))
}
