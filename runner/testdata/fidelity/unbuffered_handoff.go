// Unbuffered send to a parked receiver readies it into runnext; the sender keeps running until it blocks.
package main

import "fmt"

func main() {
	fmt.Println("start")
	ch := make(chan int)
	done := make(chan bool)
	go func() {
		for v := range ch {
			fmt.Println("received", v)
		}
		done <- true
	}()
	for i := 0; i < 3; i++ {
		fmt.Println("sending", i)
		ch <- i
		fmt.Println("sent", i)
	}
	close(ch)
	<-done
	fmt.Println("end")
}
