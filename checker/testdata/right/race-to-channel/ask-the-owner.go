// main asks the counter for each page's count over a request channel; the
// map never leaves the counter.
package main

import (
	"fmt"
	"sort"
	"sync"
	"time"
)

type query struct {
	page  string
	reply chan int
}

func record(visits chan<- string, page string) {
	time.Sleep(10 * time.Millisecond) // write the log line
	visits <- page
}

func main() {
	pages := []string{"home", "blog", "shop"}
	visits := make(chan string)
	queries := make(chan query)
	go func() {
		counts := map[string]int{}
		for {
			select {
			case page := <-visits:
				counts[page]++
			case q, ok := <-queries:
				if !ok {
					return
				}
				q.reply <- counts[q.page]
			}
		}
	}()
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
	sort.Strings(pages)
	for _, page := range pages {
		reply := make(chan int)
		queries <- query{page, reply}
		fmt.Println(page, <-reply)
	}
	close(queries)
}
