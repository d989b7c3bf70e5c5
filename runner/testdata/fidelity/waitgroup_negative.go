// Calling Done more often than Add panics with "sync: negative WaitGroup counter" (recoverable).
package main

import (
	"fmt"
	"sync"
)

func main() {
	fmt.Println("start")
	var wg sync.WaitGroup
	wg.Add(1)
	wg.Done()
	func() {
		defer func() { fmt.Println("recovered:", recover()) }()
		wg.Done()
	}()
	fmt.Println("once more, unrecovered")
	wg.Add(-1)
}
