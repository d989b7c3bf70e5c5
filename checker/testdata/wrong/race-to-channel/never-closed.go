// Nobody closes visits: the counter's range never ends.
// want: Deadlock: the counter is still waiting for visits because nobody closed the channel
// fails: ends-normally
// real: exit
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
	result := make(chan map[string]int)
	go func() {
		counts := map[string]int{}
		for page := range visits {
			counts[page]++
		}
		result <- counts
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
	counts := <-result
	sort.Strings(pages)
	for _, page := range pages {
		fmt.Println(page, counts[page])
	}
}
