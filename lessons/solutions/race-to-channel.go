//go:build ignore

// Reference solution of the exercise race-to-channel (lesson 3): the map
// belongs to one counter goroutine; visitors send it pages on a channel.
package main

import (
	"fmt"
	"sort"
	"sync"
	"time"
)

// record reports one visit to page; writing the log line takes a moment.
func record(visits chan<- string, page string) {
	time.Sleep(10 * time.Millisecond) // write the log line
	visits <- page
}

func main() {
	pages := []string{"home", "blog", "shop"}
	visits := make(chan string)
	result := make(chan map[string]int)
	go func() { // the counter: the only goroutine that touches counts
		counts := map[string]int{}
		for page := range visits {
			counts[page]++
		}
		result <- counts
	}()

	var wg sync.WaitGroup
	for v := 0; v < 4; v++ { // four visitors, each visiting every page
		wg.Add(1)
		go func() {
			defer wg.Done()
			for _, page := range pages {
				record(visits, page)
			}
		}()
	}
	wg.Wait()
	close(visits) // no more visits: the counter sends its result
	counts := <-result
	sort.Strings(pages)
	for _, page := range pages {
		fmt.Println(page, counts[page])
	}
}
