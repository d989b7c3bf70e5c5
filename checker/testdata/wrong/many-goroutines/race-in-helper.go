// Each goroutine calls a named function that adds into the shared total:
// a data race outside any go func literal.
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

var total int

func serve(i int, wg *sync.WaitGroup) {
	defer wg.Done()
	total += handle(i)
}

func main() {
	var wg sync.WaitGroup
	for i := range 10_000 {
		wg.Add(1)
		go serve(i, &wg)
	}
	wg.Wait()
	fmt.Println("total:", total)
}
