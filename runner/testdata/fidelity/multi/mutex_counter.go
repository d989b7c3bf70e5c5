// A mutex-protected map updated by parallel goroutines ends with exact counts (printed sorted).
package main

import (
	"fmt"
	"sort"
	"sync"
)

func main() {
	fmt.Println("start")
	var mu sync.Mutex
	counts := map[string]int{}
	var wg sync.WaitGroup
	for i := 0; i < 12; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := 0; j < 10_000; j++ {
				mu.Lock()
				counts[fmt.Sprint("key", (i+j)%3)]++
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
	keys := make([]string, 0, len(counts))
	for k := range counts {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		fmt.Println(k, counts[k])
	}
}
