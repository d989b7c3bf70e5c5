// Parked senders are served FIFO, but each one readied kicks the previous one out of runnext.
package main

import (
	"fmt"
	"runtime"
	"sync"
)

func main() {
	fmt.Println("start")
	ch := make(chan int)
	var wg sync.WaitGroup
	for i := 0; i < 3; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			ch <- i
			fmt.Println("sender", i, "resumed")
		}()
	}
	runtime.Gosched() // senders park in order 2, 0, 1
	for i := 0; i < 3; i++ {
		fmt.Println("main received", <-ch)
	}
	wg.Wait()
	fmt.Println("end")
}
