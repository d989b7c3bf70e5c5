// A send-only channel made with make and handed to a goroutine works like any channel.
package main

import (
	"fmt"
	"sync"
)

func main() {
	var wg sync.WaitGroup
	out := make(chan<- string, 2)
	wg.Add(1)
	go func() {
		defer wg.Done()
		out <- "one"
		out <- "two"
	}()
	wg.Wait()
	fmt.Println(len(out), cap(out))
	in := make(<-chan string)
	select {
	case s, ok := <-in:
		fmt.Println(s, ok)
	default:
		fmt.Println("receive-only channel is empty")
	}
}
