// A done channel that is closed, but that no sender watches.
// want: Closing done tells nobody anything unless the sender listens
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
	out := make(chan string)
	done := make(chan struct{})
	for i, d := range delays {
		go search(i, d, out)
	}
	fmt.Println(<-out)
	close(done) // nobody is listening any more...
	time.Sleep(time.Second)
	fmt.Println("goroutines:", runtime.NumGoroutine())
}
