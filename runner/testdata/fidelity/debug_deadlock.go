// runtime/debug imports os, whose init starts the finalizer goroutine: the first user goroutine is goid 7, as with fmt.
package main

import "runtime/debug"

func main() {
	debug.SetMaxStack(1 << 20)
	c := make(chan int)
	go func() { <-c }()
	<-c
}
