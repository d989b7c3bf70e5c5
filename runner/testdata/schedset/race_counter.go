// Lesson 12's race-counter, as it is: the printed total.
package main

import (
	"fmt"
	"sync"
)

func main() {
	counter := 0
	start := make(chan struct{})
	var wg sync.WaitGroup
	for range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			<-start // all four begin together
			for range 100_000 {
				counter++ // read, add one, write back: three steps
			}
		}()
	}
	close(start)
	wg.Wait()
	fmt.Println("counter:", counter) // 400000? not always
}
