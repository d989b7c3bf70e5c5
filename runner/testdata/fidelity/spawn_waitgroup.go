// A spawn loop joined with sync.WaitGroup prints 9 0 1 ... 8 (runnext, then local runq FIFO).
package main

import (
	"fmt"
	"sync"
)

func main() {
	fmt.Println("start")
	var wg sync.WaitGroup
	for i := 0; i < 10; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			fmt.Println("goroutine", i)
		}()
	}
	wg.Wait()
	fmt.Println("all done")
}
