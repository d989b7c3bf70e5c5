// main waits for a Timer it guessed long enough.
// fails: avoids-clock-wait-outside-fetch
// real: clean
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
	go fetch("A", 100*time.Millisecond)
	go fetch("B", 200*time.Millisecond)
	go fetch("C", 300*time.Millisecond)
	go fetch("D", 400*time.Millisecond)
	t := time.NewTimer(420 * time.Millisecond)
	<-t.C
	fmt.Println("took", time.Since(start).Truncate(100*time.Millisecond))
}
