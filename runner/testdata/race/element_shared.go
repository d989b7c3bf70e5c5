// Two goroutines write the same element of a slice.
package main

import (
	"fmt"
	"sync"
)

func main() {
	slots := make([]int, 3)
	var wg sync.WaitGroup
	for i := range 2 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			slots[1] = i
		}()
	}
	wg.Wait()
	fmt.Println(len(slots))
}
