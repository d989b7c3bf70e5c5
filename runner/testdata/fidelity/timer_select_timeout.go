// A timer reused as a timeout in a loop: Stop's result says whether to drain (it never needs to).
package main

import (
	"fmt"
	"time"
)

func main() {
	ch := make(chan int)
	go func() {
		for i := range 3 {
			time.Sleep(time.Duration(i*200) * time.Millisecond)
			ch <- i
		}
	}()
	t := time.NewTimer(300 * time.Millisecond)
	for range 3 {
		select {
		case v := <-ch:
			fmt.Println("got", v, "stop:", t.Stop())
		case <-t.C:
			fmt.Println("timeout")
			<-ch
		}
		t.Reset(300 * time.Millisecond)
	}
}
