// wg.Wait() inside the loop: right order, but one square at a time.
// want: The order is right, but the squares were computed one after another
// fails: virtual-time
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
			fmt.Println(i, "squared is", square(i))
		}()
		wg.Wait()
	}
}
