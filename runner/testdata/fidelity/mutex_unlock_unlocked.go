// Unlocking an unlocked mutex is a fatal error, not a panic: recover cannot stop it.
package main

import (
	"fmt"
	"sync"
)

func main() {
	fmt.Println("start")
	var mu sync.Mutex
	mu.Lock()
	mu.Unlock()
	defer func() {
		fmt.Println("recover returns", recover())
	}()
	mu.Unlock()
	fmt.Println("unreachable")
}
