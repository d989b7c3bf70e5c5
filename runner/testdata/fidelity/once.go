// sync.Once runs its function exactly once, in the first goroutine to call Do.
package main

import (
	"fmt"
	"sync"
)

func main() {
	fmt.Println("start")
	var once sync.Once
	var wg sync.WaitGroup
	for i := 0; i < 5; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			once.Do(func() { fmt.Println("initialised by", i) })
			fmt.Println("goroutine", i, "done")
		}()
	}
	wg.Wait()
	once.Do(func() { fmt.Println("never printed") })
	fmt.Println("end")
}
