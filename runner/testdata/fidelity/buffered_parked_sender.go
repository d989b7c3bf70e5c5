// Receiving from a full buffer with a parked sender takes the head and moves the sender's value to the tail.
package main

import (
	"fmt"
	"runtime"
)

func main() {
	fmt.Println("start")
	ch := make(chan int, 2)
	ch <- 1
	ch <- 2
	go func() {
		fmt.Println("sender: sending 3")
		ch <- 3
		fmt.Println("sender: 3 accepted")
	}()
	runtime.Gosched() // the sender parks: the buffer is full
	fmt.Println("main: len", len(ch))
	fmt.Println("main: got", <-ch)
	fmt.Println("main: len", len(ch))
	fmt.Println("main: got", <-ch)
	fmt.Println("main: got", <-ch)
	runtime.Gosched()
	fmt.Println("end")
}
