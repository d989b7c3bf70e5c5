// Goroutines sleeping different durations wake in order of their deadlines, not of creation.
package main

import (
	"fmt"
	"sync"
	"time"
)

func main() {
	fmt.Println("start")
	var wg sync.WaitGroup
	for _, ms := range []int{300, 100, 400, 200} {
		wg.Add(1)
		go func() {
			defer wg.Done()
			time.Sleep(time.Duration(ms) * time.Millisecond)
			fmt.Println("slept", ms, "ms")
		}()
	}
	wg.Wait()
	fmt.Println("end")
}
