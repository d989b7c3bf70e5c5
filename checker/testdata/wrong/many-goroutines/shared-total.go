// Every goroutine adds to the shared total: a data race.
// want: Goroutines use total at the same time, at least one of them writing: that is a data race
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
	total := 0
	var wg sync.WaitGroup
	for i := range 10_000 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			total += handle(i)
		}()
	}
	wg.Wait()
	fmt.Println("total:", total)
}
