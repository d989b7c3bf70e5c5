// A buffered channel fills without blocking, the sender parks when full, and values drain in FIFO order.
package main

import "fmt"

func main() {
	fmt.Println("start")
	ch := make(chan int, 3)
	done := make(chan bool)
	go func() {
		for i := 0; i < 5; i++ {
			ch <- i
			fmt.Println("sent", i, "len", len(ch))
		}
		close(ch)
		done <- true
	}()
	for v := range ch {
		fmt.Println("received", v)
	}
	<-done
	fmt.Println("end")
}
