// Jobs and results both travel on channels, with their index; main puts
// each result in its place.
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

type job struct {
	i    int
	name string
}

func main() {
	names := []string{"ant", "bee", "cat", "dog", "eel", "fox", "gnu", "hen"}
	jobs := make(chan job)
	done := make(chan job)
	for w := 0; w < 4; w++ {
		go func() {
			for j := range jobs {
				done <- job{j.i, process(j.name)}
			}
		}()
	}
	go func() {
		for i, name := range names {
			jobs <- job{i, name}
		}
		close(jobs)
	}()
	results := make([]string, len(names))
	for range names {
		r := <-done
		results[r.i] = r.name
	}
	fmt.Println(strings.Join(results, " "))
}
