// A semaphore of ten lets only ten requests wait at once: a second of
// virtual time, not a few milliseconds.
// fails: virtual-time
// real: clean
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
	sem := make(chan struct{}, 10)
	var wg sync.WaitGroup
	for i := range answers {
		wg.Add(1)
		sem <- struct{}{}
		go func() {
			defer wg.Done()
			answers[i] = handle(i)
			<-sem
		}()
	}
	wg.Wait()
	total := 0
	for _, a := range answers {
		total += a
	}
	fmt.Println("total:", total)
}
