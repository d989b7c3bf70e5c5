// wg.Wait(); close(nums) in main, before the range loop.
// want: Deadlock: main waits for the producers, and the producers wait for main to receive
// fails: ends-normally
// real: exit
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
	wg.Wait()
	close(nums)
	sum := 0
	for n := range nums {
		sum += n
	}
	fmt.Println("sum:", sum)
}
