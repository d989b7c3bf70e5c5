// Since Go 1.22 each loop iteration has its own variable, so goroutines see 9 0 1 ... 8, never ten 10s.
package main

import (
	"fmt"
	"sync"
)

func main() {
	fmt.Println("start")
	var wg sync.WaitGroup
	var mu sync.Mutex
	var seen []int
	for i := 0; i < 10; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			mu.Lock()
			seen = append(seen, i)
			mu.Unlock()
		}()
	}
	wg.Wait()
	fmt.Println(seen)
	for _, s := range []string{"a", "b"} {
		defer func() { fmt.Println("deferred sees", s) }()
	}
}
