// WaitGroup.Go for the ten deposits.
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
	defer mu.Unlock()
	b := balance
	time.Sleep(time.Millisecond) // checking the deposit...
	balance = b + amount
}

func main() {
	var wg sync.WaitGroup
	for range 10 {
		wg.Go(func() { deposit(100) })
	}
	wg.Wait()
	fmt.Println("balance:", balance)
}
