// Three goroutines each write their own variable: nothing is shared, so
// this is race-free.
package main

import (
	"fmt"
	"sync"
)

func main() {
	var a, b, c int
	var wg sync.WaitGroup
	wg.Add(3)
	go func() { defer wg.Done(); a = 1 }()
	go func() { defer wg.Done(); b = 2 }()
	go func() { defer wg.Done(); c = 3 }()
	wg.Wait()
	fmt.Println(a + b + c)
}
