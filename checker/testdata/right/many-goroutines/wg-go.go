// WaitGroup.Go, each goroutine filling its own element.
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
		wg.Go(func() { answers[i] = handle(i) })
	}
	wg.Wait()
	total := 0
	for _, a := range answers {
		total += a
	}
	fmt.Println("total:", total)
}
