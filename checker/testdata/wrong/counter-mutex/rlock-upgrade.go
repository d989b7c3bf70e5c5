// An RWMutex read lock, "upgraded" to a write lock: Lock waits for the
// readers, and the reader is the goroutine itself.
// fails: ends-normally
// real: exit
package main

import (
	"fmt"
	"sync"
	"time"
)

var (
	mu      sync.RWMutex
	balance int
)

func deposit(amount int) {
	mu.RLock()
	b := balance
	time.Sleep(time.Millisecond) // checking the deposit...
	mu.Lock()
	balance = b + amount
	mu.Unlock()
	mu.RUnlock()
}

func main() {
	var wg sync.WaitGroup
	for range 10 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			deposit(100)
		}()
	}
	wg.Wait()
	fmt.Println("balance:", balance)
}
