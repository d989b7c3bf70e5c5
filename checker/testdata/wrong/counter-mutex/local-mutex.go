// A mutex declared inside deposit: each call locks its own.
// want: Each deposit locks a mutex of its own, so the lock protects nothing
// fails: output
// real: race
package main

import (
	"fmt"
	"sync"
	"time"
)

var balance int

// deposit adds amount to balance. Checking a deposit takes a moment, like
// a call to a fraud-detection service.
func deposit(amount int) {
	var mu sync.Mutex
	mu.Lock()
	defer mu.Unlock()
	b := balance
	time.Sleep(time.Millisecond) // checking the deposit...
	balance = b + amount
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
