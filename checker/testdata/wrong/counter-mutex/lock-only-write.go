// Locking only the write: all ten deposits still read 0.
// want: The lock covers only the write
// fails: output balance-under-lock
// real: race
package main

import (
	"fmt"
	"sync"
	"time"
)

var (
	mu      sync.Mutex
	balance int
)

// deposit adds amount to balance. Checking a deposit takes a moment, like
// a call to a fraud-detection service.
func deposit(amount int) {
	b := balance
	time.Sleep(time.Millisecond) // checking the deposit...
	mu.Lock()
	balance = b + amount
	mu.Unlock()
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
