// A sync.Map with a compare-and-swap loop: correct, but not the CSP way.
// fails: avoids-sync.Map
// real: clean
package main

import (
	"fmt"
	"sort"
	"sync"
	"time"
)

var counts sync.Map

func record(page string) {
	time.Sleep(10 * time.Millisecond) // write the log line
	for {
		old, loaded := counts.LoadOrStore(page, 1)
		if !loaded || counts.CompareAndSwap(page, old, old.(int)+1) {
			return
		}
	}
}

func main() {
	pages := []string{"home", "blog", "shop"}
	var wg sync.WaitGroup
	for v := 0; v < 4; v++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for _, page := range pages {
				record(page)
			}
		}()
	}
	wg.Wait()
	sort.Strings(pages)
	for _, page := range pages {
		n, _ := counts.Load(page)
		fmt.Println(page, n)
	}
}
