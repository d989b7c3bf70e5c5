// The fetches overlap, but the last line is typed in, not measured.
// fails: computes-output
// real: clean
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
	var wg sync.WaitGroup
	wg.Add(4)
	go func() { defer wg.Done(); fetch("A", 100*time.Millisecond) }()
	go func() { defer wg.Done(); fetch("B", 200*time.Millisecond) }()
	go func() { defer wg.Done(); fetch("C", 300*time.Millisecond) }()
	go func() { defer wg.Done(); fetch("D", 400*time.Millisecond) }()
	wg.Wait()
	fmt.Println("took 400ms")
}
