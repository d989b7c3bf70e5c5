// Four goroutines start together and add to a counter without
// synchronisation (lesson 12's race-counter); the program says whether
// updates were lost.
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
			<-start
			for range 100_000 {
				counter++
			}
		}()
	}
	close(start)
	wg.Wait()
	fmt.Println("all counted:", counter == 400_000)
}
