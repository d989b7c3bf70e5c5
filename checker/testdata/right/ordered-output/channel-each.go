// One buffered channel per number; main receives them in order.
package main

import (
	"fmt"
	"time"
)

// square computes n*n slowly: the smaller n, the longer it takes.
func square(n int) int {
	time.Sleep(time.Duration(5-n) * 10 * time.Millisecond)
	return n * n
}

func main() {
	var results [5]chan int
	for i := range results {
		results[i] = make(chan int, 1)
		go func() { results[i] <- square(i) }()
	}
	for i, ch := range results {
		fmt.Println(i, "squared is", <-ch)
	}
}
