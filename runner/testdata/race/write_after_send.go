// The worker writes the shared variable after sending its result: main's
// read after the receive is not ordered with that write.
package main

import (
	"fmt"
	"time"
)

var status string

func main() {
	out := make(chan int, 1)
	go func() {
		out <- 1
		status = "done"
	}()
	<-out
	time.Sleep(10 * time.Millisecond)
	fmt.Println(status)
}
