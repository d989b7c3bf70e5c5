// Results come back on one channel as (number, square) pairs; main puts
// each in its place and prints them in order.
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

type result struct{ n, sq int }

func main() {
	out := make(chan result)
	for i := 0; i < 5; i++ {
		go func(n int) { out <- result{n, square(n)} }(i)
	}
	squares := make([]int, 5)
	for range 5 {
		r := <-out
		squares[r.n] = r.sq
	}
	for n, sq := range squares {
		fmt.Println(n, "squared is", sq)
	}
}
