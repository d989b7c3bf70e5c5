//go:build ignore

// Reference solution of the exercise concurrent-tasks (lesson 1).
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
	wg.Add(4) // four fetches to wait for
	go func() { defer wg.Done(); fetch("A", 100*time.Millisecond) }()
	go func() { defer wg.Done(); fetch("B", 200*time.Millisecond) }()
	go func() { defer wg.Done(); fetch("C", 300*time.Millisecond) }()
	go func() { defer wg.Done(); fetch("D", 400*time.Millisecond) }()
	wg.Wait() // the four fetches overlap: 400ms in all, not 1s
	fmt.Println("took", time.Since(start).Truncate(100*time.Millisecond))
}
