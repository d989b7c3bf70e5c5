// A time.Ticker delivers ticks until stopped; a worker interleaves with the ticks by sleeping longer.
package main

import (
	"fmt"
	"time"
)

func main() {
	fmt.Println("start")
	t := time.NewTicker(20 * time.Millisecond)
	done := make(chan bool)
	go func() {
		time.Sleep(50 * time.Millisecond)
		fmt.Println("worker woke between tick 2 and tick 3")
		done <- true
	}()
	for i := 1; i <= 3; i++ {
		<-t.C
		fmt.Println("tick", i)
	}
	t.Stop()
	<-done
	fmt.Println("end")
}
