// Locking a sync.Mutex twice in one goroutine: deadlock with "[sync.Mutex.Lock]".
package main

import (
	"fmt"
	"sync"
)

func main() {
	fmt.Println("start")
	var mu sync.Mutex
	mu.Lock()
	fmt.Println("locked once")
	mu.Lock()
	fmt.Println("unreachable")
}
