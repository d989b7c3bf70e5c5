// sync.Once under real parallelism: exactly one initialisation, and every caller sees its result.
package main

import (
	"fmt"
	"sync"
	"sync/atomic"
)

func main() {
	fmt.Println("start")
	var once sync.Once
	var inits atomic.Int32
	config := ""
	var ok atomic.Int32
	var wg sync.WaitGroup
	for i := 0; i < 32; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			once.Do(func() {
				inits.Add(1)
				config = "ready"
			})
			if config == "ready" {
				ok.Add(1)
			}
		}()
	}
	wg.Wait()
	fmt.Println("inits", inits.Load(), "callers that saw config", ok.Load())
}
