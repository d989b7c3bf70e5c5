// Locking around the check only, and adding to balance after Unlock: the
// deposits are 1ms apart, so no update is lost in any run, but the read
// and the write of balance race with the other deposits all the same.
// want: deposit touches balance outside the critical section
// fails: balance-under-lock
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

func deposit(amount int) {
	mu.Lock()
	time.Sleep(time.Millisecond) // checking the deposit...
	mu.Unlock()
	balance += amount
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
