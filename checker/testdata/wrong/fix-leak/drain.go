// main receives every answer to unblock the senders: it waits for the slowest.
// want: main receives the other answers just to unblock the senders
// fails: takes-fastest-only
// real: clean
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
	out := make(chan string)
	for i, d := range delays {
		go search(i, d, out)
	}
	fmt.Println(<-out)
	<-out
	<-out
	time.Sleep(time.Second)
	fmt.Println("goroutines:", runtime.NumGoroutine())
}
