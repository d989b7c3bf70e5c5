// Each goroutine waits on the clock until its turn: sleeping to order,
// with <-time.After instead of time.Sleep.
// fails: avoids-clock-wait-outside-square
// real: clean
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
	var wg sync.WaitGroup
	for i := 0; i < 5; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			r := square(i)
			<-time.After(time.Duration(i) * 11 * time.Millisecond) // wait for my turn
			fmt.Println(i, "squared is", r)
		}()
	}
	wg.Wait()
}
