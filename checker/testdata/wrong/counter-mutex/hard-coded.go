// The deposits are guarded, but the balance printed is typed in.
// fails: computes-output
// want: your program does not print what the reference solution prints
// real: clean
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
		wg.Add(1)
		go func() {
			defer wg.Done()
			deposit(100)
		}()
	}
	wg.Wait()
	fmt.Println("balance: 1000")
}
