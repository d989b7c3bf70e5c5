// nums is closed correctly, but the sum printed is typed in.
// fails: computes-output
// real: clean
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
		wg.Wait()
		close(nums)
	}()
	for range nums {
	}
	fmt.Println("sum: 55")
}
