// Goroutine closures share captured variables: each sees the value left by those that ran before it.
package main

import (
	"fmt"
	"sync"
)

func main() {
	fmt.Println("start")
	var wg sync.WaitGroup
	total := 0
	add := func(n int) func() {
		return func() {
			defer wg.Done()
			total += n
			fmt.Println("added", n, "total", total)
		}
	}
	for _, n := range []int{1, 10, 100, 1000} {
		wg.Add(1)
		go add(n)()
	}
	total = -1
	wg.Wait()
	fmt.Println("final", total)
}
