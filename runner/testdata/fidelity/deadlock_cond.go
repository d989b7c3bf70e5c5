// A sync.Cond that is never signalled: deadlock with "[sync.Cond.Wait]".
package main

import (
	"fmt"
	"sync"
)

func main() {
	fmt.Println("start")
	var mu sync.Mutex
	cond := sync.NewCond(&mu)
	mu.Lock()
	fmt.Println("waiting for a signal")
	cond.Wait()
	mu.Unlock()
}
