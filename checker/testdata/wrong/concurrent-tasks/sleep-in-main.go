// main sleeps instead of waiting.
// want: main sleeps instead of waiting for the fetches
// fails: avoids-clock-wait-outside-fetch
// real: output
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
	time.Sleep(time.Second)
	fmt.Println("took", time.Since(start).Truncate(100*time.Millisecond))
}
