// The counter is in the wrong case: it counts the updates sent.
// fails: output
// real: output
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
			dropped++
		default:
		}
	}
	fmt.Println("work finished, dropped", dropped)
	close(progress)
	<-done
}
