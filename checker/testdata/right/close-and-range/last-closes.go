// An atomic counter: the producer that finishes second closes nums.
package main

import (
	"fmt"
	"sync/atomic"
)

func main() {
	nums := make(chan int)
	var finished atomic.Int32
	for _, first := range []int{1, 2} {
		go func() {
			for n := first; n <= 10; n += 2 {
				nums <- n
			}
			if finished.Add(1) == 2 {
				close(nums)
			}
		}()
	}
	sum := 0
	for n := range nums {
		sum += n
	}
	fmt.Println("sum:", sum)
}
