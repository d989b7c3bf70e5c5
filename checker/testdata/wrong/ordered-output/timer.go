// Each goroutine waits for a Timer set to its turn before printing.
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
	start := time.Now()
	var wg sync.WaitGroup
	for i := 0; i < 5; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			r := square(i)
			turn := time.NewTimer(time.Until(start.Add(time.Duration(51+i) * time.Millisecond)))
			<-turn.C
			fmt.Println(i, "squared is", r)
		}()
	}
	wg.Wait()
}
