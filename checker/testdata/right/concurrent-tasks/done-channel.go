// Each goroutine signals on a channel when its fetch is done; main
// receives four signals.
package main

import (
	"fmt"
	"time"
)

// fetch stands for a request that mostly waits.
func fetch(name string, d time.Duration) {
	time.Sleep(d)
	fmt.Println(name, "done")
}

func main() {
	start := time.Now()
	done := make(chan bool)
	go func() { fetch("A", 100*time.Millisecond); done <- true }()
	go func() { fetch("B", 200*time.Millisecond); done <- true }()
	go func() { fetch("C", 300*time.Millisecond); done <- true }()
	go func() { fetch("D", 400*time.Millisecond); done <- true }()
	for i := 0; i < 4; i++ {
		<-done
	}
	fmt.Println("took", time.Since(start).Truncate(100*time.Millisecond))
}
