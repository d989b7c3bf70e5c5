// sync.OnceFunc called from several goroutines runs its function once.
package main

import (
	"fmt"
	"sync"
)

func main() {
	setup := sync.OnceFunc(func() { fmt.Println("setup runs once") })
	var wg sync.WaitGroup
	for i := range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			setup()
			fmt.Println("worker", i, "ready")
		}()
	}
	wg.Wait()
}
