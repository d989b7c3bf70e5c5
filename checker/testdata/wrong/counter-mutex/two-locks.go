// The read and the write are each locked, but not together: every deposit
// still reads the old balance during the check.
// fails: output
// want: deposit locks twice
// real: output
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
	b := balance
	mu.Unlock()
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
