// The leak is fixed, but the goroutine count is typed in.
// fails: computes-output
// real: clean
package main

import (
	"fmt"
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
	time.Sleep(time.Second)
	fmt.Println("goroutines: 1")
}
