// The racy update is in a named function started with go f(): the race
// is the same as in a literal.
package main

import (
	"fmt"
	"sync"
)

var hits int

func record(wg *sync.WaitGroup) {
	defer wg.Done()
	hits = hits + 1
}

func main() {
	var wg sync.WaitGroup
	wg.Add(2)
	go record(&wg)
	go record(&wg)
	wg.Wait()
	fmt.Println(hits > 0)
}
