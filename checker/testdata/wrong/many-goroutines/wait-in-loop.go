// wg.Wait inside the loop: one request at a time again.
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
	var wg sync.WaitGroup
	for i := range answers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			answers[i] = handle(i)
		}()
		wg.Wait()
	}
	total := 0
	for _, a := range answers {
		total += a
	}
	fmt.Println("total:", total)
}
