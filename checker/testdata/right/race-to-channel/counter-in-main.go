// main itself is the counter: it owns the map and receives the visits
// until a closer goroutine closes the channel.
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
	go func() {
		wg.Wait()
		close(visits)
	}()
	counts := map[string]int{}
	for page := range visits {
		counts[page]++
	}
	sort.Strings(pages)
	for _, page := range pages {
		fmt.Println(page, counts[page])
	}
}
