// Two goroutines add to one counter without a lock: counter++ reads and
// writes counter, and nothing orders one goroutine's update with the
// other's.
package main

import (
	"fmt"
	"sync"
)

func main() {
	var wg sync.WaitGroup
	counter := 0
	for range 2 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for range 1000 {
				counter++
			}
		}()
	}
	wg.Wait()
	fmt.Println(counter > 0)
}
