// A buffer of one: the third replica still waits.
// want: One replica is still parked on a send to out
// fails: no-leak
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
	out := make(chan string, 1)
	for i, d := range delays {
		go search(i, d, out)
	}
	fmt.Println(<-out)
	time.Sleep(time.Second)
	fmt.Println("goroutines:", runtime.NumGoroutine())
}
