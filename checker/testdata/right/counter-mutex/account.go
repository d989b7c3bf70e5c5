// An account type whose pointer method locks its own mutex.
package main

import (
	"fmt"
	"sync"
	"time"
)

type account struct {
	mu      sync.Mutex
	balance int
}

func (a *account) deposit(amount int) {
	a.mu.Lock()
	defer a.mu.Unlock()
	b := a.balance
	time.Sleep(time.Millisecond) // checking the deposit...
	a.balance = b + amount
}

func main() {
	acc := &account{}
	var wg sync.WaitGroup
	for range 10 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			acc.deposit(100)
		}()
	}
	wg.Wait()
	fmt.Println("balance:", acc.balance)
}
