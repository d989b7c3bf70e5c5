// A field promoted through an embedded pointer: both goroutines update
// the same stats.hits, written w.hits.
package main

import (
	"fmt"
	"sync"
)

type stats struct{ hits int }

type worker struct {
	*stats
	name string
}

func main() {
	shared := &stats{}
	var wg sync.WaitGroup
	for _, n := range []string{"a", "b"} {
		w := worker{stats: shared, name: n}
		wg.Add(1)
		go func() {
			defer wg.Done()
			w.hits++
		}()
	}
	wg.Wait()
	fmt.Println(shared.hits > 0)
}
