// Each goroutine writes through its own pointer: the targets differ, so
// this is race-free.
package main

import (
	"fmt"
	"sync"
)

func fill(p *int, v int, wg *sync.WaitGroup) {
	defer wg.Done()
	*p = v
}

func main() {
	vals := make([]int, 3)
	var wg sync.WaitGroup
	for i := range vals {
		wg.Add(1)
		go fill(&vals[i], i+1, &wg)
	}
	wg.Wait()
	fmt.Println(vals)
}
