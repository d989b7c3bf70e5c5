// The counter is a named function that owns the map and hands it back.
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

func counter(visits <-chan string, result chan<- map[string]int) {
	counts := make(map[string]int)
	for page := range visits {
		counts[page]++
	}
	result <- counts
}

func main() {
	pages := []string{"home", "blog", "shop"}
	visits := make(chan string)
	result := make(chan map[string]int)
	go counter(visits, result)
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
	counts := <-result
	sort.Strings(pages)
	for _, page := range pages {
		fmt.Println(page, counts[page])
	}
}
