// A panic in a goroutine started with a func literal names it main.main.func1.
package main

import (
	"fmt"
	"sync"
)

func main() {
	fmt.Println("start")
	var wg sync.WaitGroup
	results := map[string]int{}
	wg.Add(1)
	go func() {
		defer wg.Done()
		var m map[string]int
		m["x"] = len(results)
	}()
	wg.Wait()
	fmt.Println("done")
}
