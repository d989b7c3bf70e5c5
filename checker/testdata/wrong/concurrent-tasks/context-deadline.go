// main waits for a context's deadline rather than for the fetches.
// fails: avoids-clock-wait-outside-fetch
// real: clean
package main

import (
	"context"
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
	ctx, cancel := context.WithTimeout(context.Background(), 410*time.Millisecond)
	defer cancel()
	go fetch("A", 100*time.Millisecond)
	go fetch("B", 200*time.Millisecond)
	go fetch("C", 300*time.Millisecond)
	go fetch("D", 400*time.Millisecond)
	<-ctx.Done()
	fmt.Println("took", time.Since(start).Truncate(100*time.Millisecond))
}
