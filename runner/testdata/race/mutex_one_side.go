// The writer locks, the reader does not: a lock only orders the code that
// holds it.
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

func deposit(n int) {
	mu.Lock()
	balance += n
	mu.Unlock()
}

func main() {
	go deposit(100)
	time.Sleep(10 * time.Millisecond)
	fmt.Println(balance)
}
