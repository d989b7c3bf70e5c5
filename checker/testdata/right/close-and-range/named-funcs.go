// Named functions for the producer and the closer.
package main

import (
	"fmt"
	"sync"
)

func produce(first int, nums chan<- int, wg *sync.WaitGroup) {
	defer wg.Done()
	for n := first; n <= 10; n += 2 {
		nums <- n
	}
}

func closeWhenDone(nums chan int, wg *sync.WaitGroup) {
	wg.Wait()
	close(nums)
}

func main() {
	nums := make(chan int)
	var wg sync.WaitGroup
	wg.Add(2)
	go produce(1, nums, &wg)
	go produce(2, nums, &wg)
	go closeWhenDone(nums, &wg)
	sum := 0
	for n := range nums {
		sum += n
	}
	fmt.Println("sum:", sum)
}
