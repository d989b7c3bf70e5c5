// A call-free loop is preempted asynchronously after a 10ms slice, so another goroutine prints first.
package main

import (
	"fmt"
	"sync"
)

var sink int

func main() {
	fmt.Println("start")
	var wg sync.WaitGroup
	wg.Add(2)
	go func() {
		defer wg.Done()
		fmt.Println("printer ran")
	}()
	go func() {
		defer wg.Done()
		x := 0
		for i := 0; i < 40_000_000; i++ {
			x += i & 3
		}
		sink = x
		fmt.Println("spinner finished")
	}()
	wg.Wait()
	fmt.Println("end")
}
