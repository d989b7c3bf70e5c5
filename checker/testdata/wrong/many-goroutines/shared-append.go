// Every goroutine appends to one shared slice: appends get lost.
// fails: no-data-race
// real: race
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
	var answers []int
	var wg sync.WaitGroup
	for i := range 10_000 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			answers = append(answers, handle(i))
		}()
	}
	wg.Wait()
	total := 0
	for _, a := range answers {
		total += a
	}
	fmt.Println("total:", total)
}
