// go starts a named closure that fetches and calls Done: no function
// literal per fetch.
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
	run := func(name string, d time.Duration) {
		defer wg.Done()
		fetch(name, d)
	}
	wg.Add(4)
	go run("A", 100*time.Millisecond)
	go run("B", 200*time.Millisecond)
	go run("C", 300*time.Millisecond)
	go run("D", 400*time.Millisecond)
	wg.Wait()
	fmt.Println("took", time.Since(start).Truncate(100*time.Millisecond))
}
