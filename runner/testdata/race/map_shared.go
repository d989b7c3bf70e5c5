// Two goroutines of one literal write one map: a map is one location, so
// writes of different keys race.
package main

import (
	"fmt"
	"sync"
	"time"
)

func main() {
	seen := map[string]int{}
	var wg sync.WaitGroup
	for i, w := range []string{"a", "b"} {
		wg.Add(1)
		go func() {
			defer wg.Done()
			time.Sleep(time.Duration(i) * 10 * time.Millisecond)
			seen[w] = i
		}()
	}
	wg.Wait()
	fmt.Println(len(seen))
}
