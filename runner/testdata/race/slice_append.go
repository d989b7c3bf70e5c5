// Appending to a shared slice from two goroutines: append reads and
// writes the slice variable.
package main

import (
	"fmt"
	"sync"
)

func main() {
	var list []int
	var wg sync.WaitGroup
	for i := range 2 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			list = append(list, i)
		}()
	}
	wg.Wait()
	fmt.Println(len(list) > 0)
}
