// A waiter that has waited over 1ms switches the mutex to starvation mode: Unlock hands it over directly.
package main

import (
	"fmt"
	"runtime"
	"sync"
	"time"
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
	time.Sleep(5 * time.Millisecond)
	for i := 0; i < 3; i++ {
		mu.Unlock()
		mu.Lock()
		fmt.Println("main re-locked", i)
		runtime.Gosched() // the woken waiter runs, finds the lock held
	}
	mu.Unlock()
	<-done
	fmt.Println("end")
}
