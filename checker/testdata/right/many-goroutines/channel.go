// Every goroutine sends its answer on a channel; main adds them up.
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
	const n = 10_000
	results := make(chan int, n)
	for i := range n {
		go func() { results <- handle(i) }()
	}
	total := 0
	for range n {
		total += <-results
	}
	fmt.Println("total:", total)
}
