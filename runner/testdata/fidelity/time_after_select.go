// select with time.After: the timeout fires when no value arrives; a fast result wins over a long timeout.
package main

import (
	"fmt"
	"time"
)

func main() {
	fmt.Println("start")
	never := make(chan int)
	select {
	case v := <-never:
		fmt.Println("got", v)
	case <-time.After(10 * time.Millisecond):
		fmt.Println("timeout")
	}
	fast := make(chan int)
	go func() { fast <- 7 }()
	select {
	case v := <-fast:
		fmt.Println("got", v)
	case <-time.After(time.Second):
		fmt.Println("timeout")
	}
}
