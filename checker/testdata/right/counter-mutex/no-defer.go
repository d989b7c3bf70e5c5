// Lock at the top, Unlock at the bottom, no defer.
package main

import (
	"fmt"
	"sync"
	"time"
)

var (
	balance int
	lock    sync.Mutex
)

func deposit(amount int) {
	lock.Lock()
	b := balance
	time.Sleep(time.Millisecond) // checking the deposit...
	balance = b + amount
	lock.Unlock()
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
