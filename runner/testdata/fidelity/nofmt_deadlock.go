// No fmt, no os: the runtime has no finalizer goroutine, so the first user goroutine is goid 6, not 7.
package main

func main() {
	c := make(chan int)
	for i := 0; i < 3; i++ {
		go func() { <-c }()
	}
	<-c
}
