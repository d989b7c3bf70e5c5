//go:build ignore

// Reference solution of the exercise many-goroutines (lesson 2).
package main

import (
	"fmt"
	"sync"
	"time"
)

// handle serves request i: it waits 1ms for a database, then answers.
func handle(i int) int {
	time.Sleep(time.Millisecond)
	return i % 10
}

func main() {
	answers := make([]int, 10_000)
	var wg sync.WaitGroup
	for i := range answers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			answers[i] = handle(i) // each goroutine writes only its own element
		}()
	}
	wg.Wait() // all 10,000 requests wait at the same time
	total := 0
	for _, a := range answers {
		total += a
	}
	fmt.Println("total:", total)
}
