// A pipeline with a fanned-out middle stage on several Ps: the sum and count of the output are fixed.
package main

import (
	"fmt"
	"sync"
)

func main() {
	fmt.Println("start")
	src := make(chan int, 16)
	out := make(chan int, 16)
	go func() {
		for i := 1; i <= 1000; i++ {
			src <- i
		}
		close(src)
	}()
	var wg sync.WaitGroup
	for w := 0; w < 4; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for v := range src {
				out <- v * 2
			}
		}()
	}
	go func() { wg.Wait(); close(out) }()
	sum, n := 0, 0
	for v := range out {
		sum += v
		n++
	}
	fmt.Println("count", n, "sum", sum)
}
