// Goroutines parked on a held sync.Mutex acquire it in FIFO order of parking (here 3, 0, 1, 2).
package main

import (
	"fmt"
	"runtime"
	"sync"
)

func main() {
	fmt.Println("start")
	var mu sync.Mutex
	var wg sync.WaitGroup
	mu.Lock()
	for i := 0; i < 4; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			fmt.Println("g", i, "wants the lock")
			mu.Lock()
			fmt.Println("g", i, "has the lock")
			mu.Unlock()
		}()
	}
	runtime.Gosched() // every goroutine parks in mu.Lock
	fmt.Println("main unlocks")
	mu.Unlock()
	wg.Wait()
	fmt.Println("end")
}
