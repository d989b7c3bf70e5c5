// The lock is taken around the whole call of deposit, in the goroutine.
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
	b := balance
	time.Sleep(time.Millisecond) // checking the deposit...
	balance = b + amount
}

func main() {
	var mu sync.Mutex
	var wg sync.WaitGroup
	for range 10 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			mu.Lock()
			deposit(100)
			mu.Unlock()
		}()
	}
	wg.Wait()
	fmt.Println("balance:", balance)
}
