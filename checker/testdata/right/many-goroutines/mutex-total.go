// One total, guarded by a mutex.
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
	var (
		mu    sync.Mutex
		total int
		wg    sync.WaitGroup
	)
	for i := range 10_000 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			a := handle(i)
			mu.Lock()
			total += a
			mu.Unlock()
		}()
	}
	wg.Wait()
	fmt.Println("total:", total)
}
