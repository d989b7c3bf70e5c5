// Each visitor counts into the shared map itself, then also sends on a
// channel nobody needs: the map is still written by four goroutines.
// fails: output
// real: race
package main

import (
	"fmt"
	"sort"
	"sync"
	"time"
)

var counts = map[string]int{}

func record(page string, done chan<- bool) {
	n := counts[page]
	time.Sleep(10 * time.Millisecond) // write the log line
	counts[page] = n + 1
	done <- true
}

func main() {
	pages := []string{"home", "blog", "shop"}
	done := make(chan bool, 12)
	var wg sync.WaitGroup
	for v := 0; v < 4; v++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for _, page := range pages {
				record(page, done)
			}
		}()
	}
	wg.Wait()
	sort.Strings(pages)
	for _, page := range pages {
		fmt.Println(page, counts[page])
	}
}
