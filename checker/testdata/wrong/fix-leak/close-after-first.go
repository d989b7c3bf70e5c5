// main closes out after the first answer, hoping to stop the others: they
// panic, sending on a closed channel.
// fails: ends-normally
// real: exit
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
	delays := []time.Duration{300 * time.Millisecond, 100 * time.Millisecond, 200 * time.Millisecond}
	for i, d := range delays {
		go search(i, d, out)
	}
	fmt.Println(<-out)
	close(out)
	time.Sleep(time.Second)
	fmt.Println("goroutines:", runtime.NumGoroutine())
}
