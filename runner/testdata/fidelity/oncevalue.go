// sync.OnceValue computes once and returns the same value to every caller.
package main

import (
	"fmt"
	"sync"
)

func main() {
	config := sync.OnceValue(func() map[string]int {
		fmt.Println("loading config")
		return map[string]int{"workers": 3}
	})
	var wg sync.WaitGroup
	for i := range 3 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			fmt.Println("reader", i, "sees", config()["workers"])
		}()
	}
	wg.Wait()
	fmt.Println(len(config()))
}
