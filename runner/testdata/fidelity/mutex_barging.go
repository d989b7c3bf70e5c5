// Unlock wakes a waiter but does not hand the lock over: the unlocker re-locks first (normal mode barging).
package main

import (
	"fmt"
	"runtime"
	"sync"
)

func main() {
	fmt.Println("start")
	var mu sync.Mutex
	done := make(chan bool)
	mu.Lock()
	go func() {
		mu.Lock()
		fmt.Println("waiter got the lock")
		mu.Unlock()
		done <- true
	}()
	runtime.Gosched() // the waiter parks in mu.Lock
	for i := 0; i < 3; i++ {
		mu.Unlock()
		mu.Lock()
		fmt.Println("main re-locked", i)
	}
	mu.Unlock()
	<-done
	fmt.Println("end")
}
