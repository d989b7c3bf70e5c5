// Each goroutine computes, then waits for the previous one's signal
// before printing, and signals the next.
package main

import (
	"fmt"
	"sync"
	"time"
)

// square computes n*n slowly: the smaller n, the longer it takes.
func square(n int) int {
	time.Sleep(time.Duration(5-n) * 10 * time.Millisecond)
	return n * n
}

func main() {
	turns := make([]chan struct{}, 6)
	for i := range turns {
		turns[i] = make(chan struct{})
	}
	var wg sync.WaitGroup
	for i := 0; i < 5; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			r := square(i)
			<-turns[i]
			fmt.Println(i, "squared is", r)
			close(turns[i+1])
		}()
	}
	close(turns[0])
	wg.Wait()
}
