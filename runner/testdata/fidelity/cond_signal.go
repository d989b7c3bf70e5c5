// sync.Cond.Signal wakes the longest-waiting goroutine, one per call.
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
	for i := 0; i < 3; i++ {
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
	runtime.Gosched() // all three wait: order 2, 0, 1
	for i := 0; i < 3; i++ {
		fmt.Println("signal", i)
		cond.Signal()
		runtime.Gosched()
	}
	wg.Wait()
	fmt.Println("end")
}
