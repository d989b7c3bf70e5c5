// A deadlock in WaitGroup.Wait shows main.main at the Wait call.
package main

import (
	"fmt"
	"sync"
)

func main() {
	fmt.Println("start")
	var wg sync.WaitGroup
	results := make(chan int, 3)
	for i := range 3 {
		wg.Add(1)
		go func() {
			results <- i * i
		}()
	}
	wg.Wait()
	close(results)
}
