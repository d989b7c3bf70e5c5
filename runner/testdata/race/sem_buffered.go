// A channel of capacity 1 used as a lock: the k-th receive happens before
// the (k+1)-th send completes, so the updates are ordered.
package main

import (
	"fmt"
	"sync"
)

func main() {
	sem := make(chan struct{}, 1)
	total := 0
	var wg sync.WaitGroup
	for range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			sem <- struct{}{}
			total += 10
			<-sem
		}()
	}
	wg.Wait()
	fmt.Println(total)
}
