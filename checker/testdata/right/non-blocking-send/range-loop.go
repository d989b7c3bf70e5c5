// A range loop, and the select's default says what it skips.
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
	var dropped int
	for step := range 10 {
		time.Sleep(10 * time.Millisecond) // the real work
		select {
		case progress <- (step + 1) * 10:
		default: // the reader is behind: skip this update
			dropped++
		}
	}
	fmt.Println("work finished, dropped", dropped)
	close(progress)
	<-done
}
