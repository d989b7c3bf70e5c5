// A bigger buffer: nothing blocks, nothing is dropped.
// want: The buffer size was changed. Keep make(chan int, 3)
// fails: keeps-buffer
// real: output
package main

import (
	"fmt"
	"time"
)

func main() {
	progress := make(chan int, 10)
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
		progress <- i * 10
	}
	fmt.Println("work finished, dropped", 0)
	close(progress)
	<-done
}
