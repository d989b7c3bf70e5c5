// A named function adds each part into one total through a pointer: a
// data race outside any go func literal.
// fails: no-data-race
// real: race
package main

import (
	"fmt"
	"sync"
	"time"

	"gpm"
)

// process stands for 20 ms of CPU work on one part of the input.
func process(part int) int {
	gpm.Work(20 * time.Millisecond)
	return part * part
}

func work(part int, total *int, wg *sync.WaitGroup) {
	defer wg.Done()
	*total += process(part)
}

func main() {
	start := time.Now()
	total := 0
	var wg sync.WaitGroup
	for part := 1; part <= 4; part++ {
		wg.Add(1)
		go work(part, &total, &wg)
	}
	wg.Wait()
	fmt.Println("total:", total)
	fmt.Println("time:", time.Since(start).Round(time.Millisecond))
}
