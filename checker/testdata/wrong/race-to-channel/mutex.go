// A mutex makes the counts right, but the exercise asks for the CSP way.
// want: This exercise asks for the CSP way: no mutex
// fails: avoids-sync.Mutex
// real: clean
package main

import (
	"fmt"
	"sort"
	"sync"
	"time"
)

var (
	mu     sync.Mutex
	counts = map[string]int{}
)

// record counts one visit to page; writing the log line takes a moment.
func record(page string) {
	mu.Lock()
	defer mu.Unlock()
	n := counts[page]
	time.Sleep(10 * time.Millisecond) // write the log line
	counts[page] = n + 1
}

func main() {
	pages := []string{"home", "blog", "shop"}
	var wg sync.WaitGroup
	for v := 0; v < 4; v++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for _, page := range pages {
				record(page)
			}
		}()
	}
	wg.Wait()
	sort.Strings(pages)
	for _, page := range pages {
		fmt.Println(page, counts[page])
	}
}
