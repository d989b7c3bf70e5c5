// One total, added to atomically.
package main

import (
	"fmt"
	"sync"
	"sync/atomic"
	"time"
)

// handle serves request i: it waits 1ms for a database, then answers.
func handle(i int) int {
	time.Sleep(time.Millisecond)
	return i % 10
}

func main() {
	var total int64
	var wg sync.WaitGroup
	for i := range 10_000 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			atomic.AddInt64(&total, int64(handle(i)))
		}()
	}
	wg.Wait()
	fmt.Println("total:", total)
}
