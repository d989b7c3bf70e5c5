// A sender parked on a channel that gets closed wakes up and panics with "send on closed channel".
package main

import (
	"fmt"
	"runtime"
)

func main() {
	fmt.Println("start")
	ch := make(chan int)
	go func() {
		fmt.Println("sender parks")
		ch <- 1
		fmt.Println("unreachable")
	}()
	runtime.Gosched()
	fmt.Println("main closes")
	close(ch)
	runtime.Gosched()
	fmt.Println("unreachable too")
}
