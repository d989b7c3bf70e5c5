// Two counter goroutines, started from one literal, share the map: each
// alone is "the owner", together they race.
// fails: one-owner
// real: race
package main

import (
	"fmt"
	"sort"
	"sync"
	"time"
)

func record(visits chan<- string, page string) {
	time.Sleep(10 * time.Millisecond) // write the log line
	visits <- page
}

func main() {
	pages := []string{"home", "blog", "shop"}
	visits := make(chan string)
	counts := map[string]int{}
	var counters sync.WaitGroup
	for range 2 { // two counters to keep up with the visitors
		counters.Add(1)
		go func() {
			defer counters.Done()
			for page := range visits {
				n := counts[page]
				time.Sleep(time.Millisecond)
				counts[page] = n + 1
			}
		}()
	}
	var wg sync.WaitGroup
	for v := 0; v < 4; v++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for _, page := range pages {
				record(visits, page)
			}
		}()
	}
	wg.Wait()
	close(visits)
	counters.Wait()
	sort.Strings(pages)
	for _, page := range pages {
		fmt.Println(page, counts[page])
	}
}
