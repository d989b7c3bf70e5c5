// The squares are computed concurrently, then the lines are typed in.
// fails: computes-output
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
	results := make([]int, 5)
	var wg sync.WaitGroup
	for i := 0; i < 5; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			results[i] = square(i)
		}()
	}
	wg.Wait()
	fmt.Println("0 squared is 0")
	fmt.Println("1 squared is 1")
	fmt.Println("2 squared is 4")
	fmt.Println("3 squared is 9")
	fmt.Println("4 squared is 16")
}
