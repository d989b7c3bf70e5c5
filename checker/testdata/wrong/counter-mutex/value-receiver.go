// The account's deposit method has a value receiver: it locks and updates
// a copy of the account.
// fails: output
// want: The method that locks has a value receiver
// real: output
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

func (a account) deposit(amount int) {
	a.mu.Lock()
	defer a.mu.Unlock()
	b := a.balance
	time.Sleep(time.Millisecond) // checking the deposit...
	a.balance = b + amount
}

func main() {
	var acc account
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
