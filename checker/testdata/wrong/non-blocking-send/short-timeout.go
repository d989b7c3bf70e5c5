// A select that waits up to 1 ms for room instead of not waiting at all.
// fails: uses-select-send-default-progress
// real: clean
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
		case <-time.After(time.Millisecond):
			dropped++
		}
	}
	fmt.Println("work finished, dropped", dropped)
	close(progress)
	<-done
}
