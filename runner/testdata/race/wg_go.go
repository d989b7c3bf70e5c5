// WaitGroup.Go starts the goroutines, and Wait orders their writes
// before main's reads: race-free.
package main

import (
	"fmt"
	"sync"
)

func main() {
	var wg sync.WaitGroup
	parts := make([]int, 4)
	for i := range parts {
		wg.Go(func() {
			parts[i] = i + 1
		})
	}
	wg.Wait()
	sum := 0
	for _, p := range parts {
		sum += p
	}
	fmt.Println(sum)
}
