// A struct that embeds its Mutex and locks it in every method: race-free.
package main

import (
	"fmt"
	"sync"
)

type safeCounter struct {
	sync.Mutex
	m map[string]int
}

func (c *safeCounter) inc(key string) {
	c.Lock()
	c.m[key]++
	c.Unlock()
}

func main() {
	c := safeCounter{m: map[string]int{}}
	var wg sync.WaitGroup
	for range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			c.inc("k")
		}()
	}
	wg.Wait()
	fmt.Println(c.m["k"])
}
