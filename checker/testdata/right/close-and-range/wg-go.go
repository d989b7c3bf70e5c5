// WaitGroup.Go for the producers and for the closer.
package main

import (
	"fmt"
	"sync"
)

func main() {
	nums := make(chan int)
	var producers, closer sync.WaitGroup
	for _, first := range []int{1, 2} {
		producers.Go(func() {
			for n := first; n <= 10; n += 2 {
				nums <- n
			}
		})
	}
	closer.Go(func() {
		producers.Wait()
		close(nums)
	})
	sum := 0
	for n := range nums {
		sum += n
	}
	fmt.Println("sum:", sum)
	closer.Wait()
}
