// Fan-in: two producers forward into one channel; the merge order follows runnext hand-offs, not fairness.
package main

import (
	"fmt"
	"sync"
)

func producer(name string, n int) <-chan string {
	out := make(chan string)
	go func() {
		for i := 0; i < n; i++ {
			out <- fmt.Sprint(name, i)
		}
		close(out)
	}()
	return out
}

func main() {
	fmt.Println("start")
	merged := make(chan string)
	var wg sync.WaitGroup
	for _, in := range []<-chan string{producer("a", 3), producer("b", 3)} {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for s := range in {
				merged <- s
			}
		}()
	}
	go func() {
		wg.Wait()
		close(merged)
	}()
	for s := range merged {
		fmt.Println(s)
	}
	fmt.Println("end")
}
