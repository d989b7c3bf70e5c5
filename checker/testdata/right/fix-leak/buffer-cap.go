// The channel made after the delays, with a slot per replica.
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
	delays := []time.Duration{300 * time.Millisecond, 100 * time.Millisecond, 200 * time.Millisecond}
	out := make(chan string, cap(delays))
	for i := range delays {
		go search(i, delays[i], out)
	}
	first := <-out
	fmt.Println(first)
	time.Sleep(time.Second)
	fmt.Println("goroutines:", runtime.NumGoroutine())
}
