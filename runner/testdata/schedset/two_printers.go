// Two goroutines print three lines each; nothing orders them.
package main

import (
	"fmt"
	"sync"
)

func main() {
	var wg sync.WaitGroup
	for _, name := range []string{"A", "B"} {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range 3 {
				fmt.Println(name, i)
			}
		}()
	}
	wg.Wait()
}
