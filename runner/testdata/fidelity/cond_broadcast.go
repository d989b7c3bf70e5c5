// Broadcast readies waiters in wait order through runnext, so the last waiter runs first, then the rest in order.
package main

import (
	"fmt"
	"runtime"
	"sync"
)

func main() {
	fmt.Println("start")
	var mu sync.Mutex
	cond := sync.NewCond(&mu)
	var wg sync.WaitGroup
	for i := 0; i < 4; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			mu.Lock()
			fmt.Println("waiter", i, "waits")
			cond.Wait()
			fmt.Println("waiter", i, "woke")
			mu.Unlock()
		}()
	}
	runtime.Gosched() // all four wait: order 3, 0, 1, 2
	mu.Lock()
	fmt.Println("broadcast")
	cond.Broadcast()
	mu.Unlock()
	wg.Wait()
	fmt.Println("end")
}
