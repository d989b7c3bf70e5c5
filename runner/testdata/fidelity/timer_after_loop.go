// time.After in a select loop: each iteration's timer is fresh, expired ones are never stale.
package main

import (
	"fmt"
	"time"
)

func main() {
	ch := make(chan int)
	go func() {
		for i := range 3 {
			ch <- i
			time.Sleep(100 * time.Millisecond)
		}
	}()
	for range 4 {
		select {
		case v := <-ch:
			fmt.Println("value", v)
		case <-time.After(250 * time.Millisecond):
			fmt.Println("timeout")
		}
	}
}
