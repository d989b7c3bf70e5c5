// The answers go into one map that every goroutine writes.
// fails: no-data-race
// real: exit
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
	answers := map[int]int{}
	var wg sync.WaitGroup
	for i := range 10_000 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			answers[i] = handle(i)
		}()
	}
	wg.Wait()
	total := 0
	for _, a := range answers {
		total += a
	}
	fmt.Println("total:", total)
}
