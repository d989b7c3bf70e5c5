//go:build ignore

// Reference solution of the exercise fix-leak (lesson 11): the channel has
// room for every answer, so the replicas that lose the race can still send
// theirs and finish.
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
	out := make(chan string, len(delays)) // one slot per replica: nobody waits to send
	for i, d := range delays {
		go search(i, d, out)
	}
	fmt.Println(<-out)      // the fastest answer wins
	time.Sleep(time.Second) // long after every replica has answered
	fmt.Println("goroutines:", runtime.NumGoroutine())
}
