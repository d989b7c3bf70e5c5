// Each goroutine sleeps before it prints, so that the lines come out in order.
// want: The lines must not depend on sleeping for the right amount of time
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
			time.Sleep(time.Duration(i) * 60 * time.Millisecond)
			fmt.Println(i, "squared is", r)
		}()
	}
	wg.Wait()
}
