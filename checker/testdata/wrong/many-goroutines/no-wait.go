// Goroutines started but not waited for.
// want: total is 0 (want 45000): main added up the answers before the requests were answered
// fails: output
// real: output
package main

import (
	"fmt"
	"time"
)

// handle serves request i: it waits 1ms for a database, then answers.
func handle(i int) int {
	time.Sleep(time.Millisecond)
	return i % 10
}

func main() {
	answers := make([]int, 10_000)
	for i := range answers {
		go func() { answers[i] = handle(i) }()
	}
	total := 0
	for _, a := range answers {
		total += a
	}
	fmt.Println("total:", total)
}
