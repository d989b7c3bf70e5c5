// Counts the updates sent; the dropped ones are the rest.
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
	const steps = 10
	sent := 0
	for i := 1; i <= steps; i++ {
		time.Sleep(10 * time.Millisecond) // the real work
		select {
		case progress <- i * 10:
			sent++
		default:
		}
	}
	fmt.Println("work finished, dropped", steps-sent)
	close(progress)
	<-done
}
