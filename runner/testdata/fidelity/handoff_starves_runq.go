// Goroutines handing off through runnext keep the P: a goroutine in the local runq waits until they finish.
package main

import (
	"fmt"
	"sync/atomic"
)

func main() {
	fmt.Println("start")
	var rounds atomic.Int32
	done := make(chan bool)
	go func() {
		fmt.Println("queued goroutine ran after", rounds.Load(), "rounds")
		done <- true
	}()
	ping, pong := make(chan int), make(chan int)
	go func() {
		for v := range ping {
			pong <- v + 1
		}
	}()
	for i := 0; i < 200; i++ {
		ping <- i
		<-pong
		rounds.Add(1)
	}
	close(ping)
	fmt.Println("pair finished")
	<-done
}
