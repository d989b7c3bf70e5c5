// Visitors started with WaitGroup.Go; the counter sends back lines ready
// to print.
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
	visits := make(chan string, 4)
	lines := make(chan []string)
	go func() {
		counts := map[string]int{}
		for page := range visits {
			counts[page]++
		}
		var out []string
		for page, n := range counts {
			out = append(out, fmt.Sprint(page, " ", n))
		}
		sort.Strings(out)
		lines <- out
	}()
	var wg sync.WaitGroup
	for range 4 {
		wg.Go(func() {
			for _, page := range pages {
				record(visits, page)
			}
		})
	}
	wg.Wait()
	close(visits)
	for _, l := range <-lines {
		fmt.Println(l)
	}
}
