// The counter counts, but main reads its map without closing the channel
// or waiting for the counter.
// want: main read the map while the counter goroutine still owned it
// want: counts is used in more than one function
// fails: output
// real: race
package main

import (
	"fmt"
	"sort"
	"sync"
	"time"
)

func main() {
	pages := []string{"home", "blog", "shop"}
	visits := make(chan string)
	counts := map[string]int{}
	go func() {
		for page := range visits {
			counts[page]++
		}
	}()
	var wg sync.WaitGroup
	for v := 0; v < 4; v++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for _, page := range pages {
				time.Sleep(10 * time.Millisecond) // write the log line
				visits <- page
			}
		}()
	}
	wg.Wait()
	sort.Strings(pages)
	for _, page := range pages {
		fmt.Println(page, counts[page])
	}
}
