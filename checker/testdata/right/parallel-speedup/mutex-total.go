// One total under a mutex; the work itself runs outside the lock.
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

func main() {
	start := time.Now()
	var (
		mu    sync.Mutex
		total int
		wg    sync.WaitGroup
	)
	for part := 1; part <= 4; part++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			r := process(part)
			mu.Lock()
			defer mu.Unlock()
			total += r
		}()
	}
	wg.Wait()
	fmt.Println("total:", total)
	fmt.Println("time:", time.Since(start).Round(time.Millisecond))
}
