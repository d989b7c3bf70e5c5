// main is the only sender, so if the buffer has room now it still has
// room at the send: check len against cap.
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
		if len(progress) < cap(progress) {
			progress <- i * 10
		} else {
			dropped++
		}
	}
	fmt.Println("work finished, dropped", dropped)
	close(progress)
	<-done
}
