// Visits go over a channel, but the counts printed are typed in.
// fails: computes-output
// real: clean
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
	visits := make(chan string, 12)
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
	sort.Strings(pages)
	for _, page := range pages {
		fmt.Println(page, 4)
	}
}
