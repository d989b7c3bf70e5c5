// Parallel senders feeding one select loop: per-channel totals are exact regardless of interleaving.
package main

import (
	"fmt"
	"sync"
)

func main() {
	fmt.Println("start")
	a, b := make(chan int), make(chan int)
	var wg sync.WaitGroup
	for _, ch := range []chan int{a, b, a, b} {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < 500; i++ {
				ch <- 1
			}
		}()
	}
	done := make(chan bool)
	go func() { wg.Wait(); close(done) }()
	na, nb := 0, 0
	for {
		select {
		case v := <-a:
			na += v
		case v := <-b:
			nb += v
		case <-done:
			fmt.Println("a", na, "b", nb)
			return
		}
	}
}
