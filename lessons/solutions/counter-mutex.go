//go:build ignore

// Reference solution of the exercise counter-mutex (lesson 12): a mutex
// makes each deposit's read, check and write one step that no other
// deposit can enter halfway.
package main

import (
	"fmt"
	"sync"
	"time"
)

var (
	mu      sync.Mutex // guards balance
	balance int
)

// deposit adds amount to balance. Checking a deposit takes a moment, like
// a call to a fraud-detection service.
func deposit(amount int) {
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
