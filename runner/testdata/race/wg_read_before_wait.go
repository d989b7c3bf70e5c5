// main reads the result before Wait: the goroutine's write and main's
// read are not ordered.
package main

import (
	"fmt"
	"sync"
	"time"
)

func main() {
	var wg sync.WaitGroup
	total := 0
	wg.Add(1)
	go func() {
		defer wg.Done()
		total = 42
	}()
	time.Sleep(10 * time.Millisecond)
	fmt.Println(total)
	wg.Wait()
}
