// WaitGroup.Go starts each fetch in a goroutine and counts it.
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
	wg.Go(func() { fetch("A", 100*time.Millisecond) })
	wg.Go(func() { fetch("B", 200*time.Millisecond) })
	wg.Go(func() { fetch("C", 300*time.Millisecond) })
	wg.Go(func() { fetch("D", 400*time.Millisecond) })
	wg.Wait()
	fmt.Println("took", time.Since(start).Truncate(100*time.Millisecond))
}
