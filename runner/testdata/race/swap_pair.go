// A parallel assignment swaps two variables that other goroutines swap
// too: each of x and y races.
package main

import (
	"fmt"
	"sync"
)

func main() {
	x, y := 1, 2
	var wg sync.WaitGroup
	for range 2 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			x, y = y, x
		}()
	}
	wg.Wait()
	fmt.Println(x + y)
}
