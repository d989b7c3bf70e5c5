// A context cancelled once the fastest answer is in; the senders watch
// it.
package main

import (
	"context"
	"fmt"
	"runtime"
	"time"
)

// search asks one replica of a service; replicas answer at different speeds.
func search(replica int, d time.Duration, out chan<- string) {
	time.Sleep(d)
	out <- fmt.Sprint("answer from replica ", replica)
}

func main() {
	ctx, cancel := context.WithCancel(context.Background())
	out := make(chan string)
	delays := []time.Duration{300 * time.Millisecond, 100 * time.Millisecond, 200 * time.Millisecond}
	for i, d := range delays {
		go func() {
			mine := make(chan string, 1)
			search(i, d, mine)
			select {
			case out <- <-mine:
			case <-ctx.Done():
			}
		}()
	}
	fmt.Println(<-out)
	cancel()
	time.Sleep(time.Second)
	fmt.Println("goroutines:", runtime.NumGoroutine())
}
