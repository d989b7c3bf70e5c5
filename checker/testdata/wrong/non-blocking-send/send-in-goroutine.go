// Each send in a goroutine of its own: they crash when progress is closed.
// want: Each update still waits, only in another goroutine
// fails: avoids-go-in-loop
// real: exit
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
	for i := 1; i <= 10; i++ {
		time.Sleep(10 * time.Millisecond) // the real work
		go func() { progress <- i * 10 }()
	}
	fmt.Println("work finished, dropped", 0)
	close(progress)
	<-done
}
