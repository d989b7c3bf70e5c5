// A condition variable: the producer sets the value under the lock and
// signals; the consumer waits under the same lock: race-free.
package main

import (
	"fmt"
	"sync"
)

func main() {
	var mu sync.Mutex
	cond := sync.NewCond(&mu)
	value := 0
	go func() {
		mu.Lock()
		value = 7
		cond.Signal()
		mu.Unlock()
	}()
	mu.Lock()
	for value == 0 {
		cond.Wait()
	}
	fmt.Println(value)
	mu.Unlock()
}
