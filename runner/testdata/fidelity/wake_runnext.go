// A goroutine woken by a channel send goes to runnext and runs before goroutines already queued.
package main

import (
	"fmt"
	"runtime"
	"sync"
)

func main() {
	fmt.Println("start")
	var wg sync.WaitGroup
	ch := make(chan int)
	wg.Add(3)
	go func() {
		defer wg.Done()
		fmt.Println("A got", <-ch)
	}()
	runtime.Gosched() // A runs and parks on the receive
	go func() {
		defer wg.Done()
		fmt.Println("B")
	}()
	go func() {
		defer wg.Done()
		fmt.Println("C")
	}()
	ch <- 1 // A takes runnext, C is kicked to the runq tail behind B
	wg.Wait()
	fmt.Println("end")
}
