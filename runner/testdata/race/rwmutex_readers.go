// Readers under RLock and a writer under Lock: race-free.
package main

import (
	"fmt"
	"sync"
)

type cache struct {
	mu sync.RWMutex
	m  map[string]int
}

func (c *cache) get(k string) int {
	c.mu.RLock()
	defer c.mu.RUnlock()
	return c.m[k]
}

func (c *cache) set(k string, v int) {
	c.mu.Lock()
	c.m[k] = v
	c.mu.Unlock()
}

func main() {
	c := &cache{m: map[string]int{}}
	var wg sync.WaitGroup
	for i := range 3 {
		wg.Add(2)
		go func() { defer wg.Done(); c.get("x") }()
		go func() { defer wg.Done(); c.set("x", i) }()
	}
	wg.Wait()
	fmt.Println(c.get("x") >= 0)
}
