// A goroutine per fetch, but main waits for each before starting the next.
// want: the run took 1s of virtual time, as long as the serial program
// fails: virtual-time
// real: output
package main

import (
	"fmt"
	"sync"
	"time"
)

// fetch stands for a request that mostly waits.
func fetch(name string, d time.Duration) {
	time.Sleep(d)
	fmt.Println(name, "done")
}

func main() {
	start := time.Now()
	var wg sync.WaitGroup
	for i, name := range []string{"A", "B", "C", "D"} {
		wg.Add(1)
		go func() { defer wg.Done(); fetch(name, time.Duration(i+1)*100*time.Millisecond) }()
		wg.Wait()
	}
	fmt.Println("took", time.Since(start).Truncate(100*time.Millisecond))
}
