// The non-blocking send is a helper that reports whether it sent.
package main

import (
	"fmt"
	"time"
)

// trySend sends v on ch if there is room, and reports whether it did.
func trySend(ch chan<- int, v int) bool {
	select {
	case ch <- v:
		return true
	default:
		return false
	}
}

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
		if !trySend(progress, i*10) {
			dropped++
		}
	}
	fmt.Println("work finished, dropped", dropped)
	close(progress)
	<-done
}
