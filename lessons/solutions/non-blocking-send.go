//go:build ignore

// Reference solution of the exercise non-blocking-send (lesson 10): a
// select with default sends the update only if the buffer has room.
package main

import (
	"fmt"
	"time"
)

func main() {
	progress := make(chan int, 3)
	done := make(chan struct{})
	go func() { // a slow reader: 500 ms per update
		for p := range progress {
			fmt.Println("progress", p)
			time.Sleep(500 * time.Millisecond)
		}
		close(done)
	}()
	dropped := 0
	for i := 1; i <= 10; i++ {
		time.Sleep(10 * time.Millisecond) // the real work
		select {
		case progress <- i * 10:
		default: // the buffer is full: skip this update rather than wait
			dropped++
		}
	}
	fmt.Println("work finished, dropped", dropped)
	close(progress)
	<-done
}
