// A method with a pointer receiver started with go c.inc(): both
// goroutines update the same field.
package main

import (
	"fmt"
	"sync"
)

type counter struct{ n int }

func (c *counter) inc(wg *sync.WaitGroup) {
	defer wg.Done()
	c.n++
}

func main() {
	var c counter
	var wg sync.WaitGroup
	wg.Add(2)
	go c.inc(&wg)
	go c.inc(&wg)
	wg.Wait()
	fmt.Println(c.n > 0)
}
