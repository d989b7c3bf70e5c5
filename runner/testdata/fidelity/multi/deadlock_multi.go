// A deadlock is detected with four Ps too, once every goroutine except main has finished.
package main

import (
	"fmt"
	"sync"
)

func main() {
	fmt.Println("start")
	var wg sync.WaitGroup
	ch := make(chan int)
	wg.Add(4)
	for i := 0; i < 4; i++ {
		go func() {
			defer wg.Done()
			ch <- i
		}()
	}
	sum := 0
	for i := 0; i < 4; i++ {
		sum += <-ch
	}
	wg.Wait()
	fmt.Println("sum", sum)
	<-ch
}
