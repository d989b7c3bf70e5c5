// Each replica's answer goes through a goroutine that gives up when main
// closes done.
package main

import (
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
	out := make(chan string)
	done := make(chan struct{})
	delays := []time.Duration{300 * time.Millisecond, 100 * time.Millisecond, 200 * time.Millisecond}
	for i, d := range delays {
		go func() {
			answer := make(chan string, 1)
			search(i, d, answer)
			select {
			case out <- <-answer:
			case <-done:
			}
		}()
	}
	fmt.Println(<-out)
	close(done)
	time.Sleep(time.Second)
	fmt.Println("goroutines:", runtime.NumGoroutine())
}
