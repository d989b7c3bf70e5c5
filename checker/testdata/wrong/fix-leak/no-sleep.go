// The buffer is right, but main no longer waits for the slow replicas to
// finish before it counts the goroutines.
// fails: output
// real: output
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
	out := make(chan string, len(delays))
	for i, d := range delays {
		go search(i, d, out)
	}
	fmt.Println(<-out)
	fmt.Println("goroutines:", runtime.NumGoroutine())
}
