//go:build ignore

// Reference solution of the exercise close-and-range (lesson 9): a
// WaitGroup counts the producers, and one more goroutine closes nums once
// both are done.
package main

import (
	"fmt"
	"sync"
)

func main() {
	nums := make(chan int)
	var wg sync.WaitGroup
	for _, first := range []int{1, 2} {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for n := first; n <= 10; n += 2 {
				nums <- n
			}
		}()
	}
	go func() {
		wg.Wait()   // both producers have finished...
		close(nums) // ...so nothing more will be sent
	}()
	sum := 0
	for n := range nums {
		sum += n
	}
	fmt.Println("sum:", sum)
}
