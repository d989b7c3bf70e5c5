// A helper starts the fetches and waits for them; main only calls it.
package main

import (
	"fmt"
	"sync"
	"time"
)

// fetch stands for a request that mostly waits.
func fetch(name string, d time.Duration) {
	time.Sleep(d)
	fmt.Println(name, "done")
}

type task struct {
	name string
	d    time.Duration
}

func fetchAll(tasks []task) {
	var wg sync.WaitGroup
	for _, t := range tasks {
		wg.Add(1)
		go func(t task) {
			defer wg.Done()
			fetch(t.name, t.d)
		}(t)
	}
	wg.Wait()
}

func main() {
	start := time.Now()
	fetchAll([]task{
		{"A", 100 * time.Millisecond},
		{"B", 200 * time.Millisecond},
		{"C", 300 * time.Millisecond},
		{"D", 400 * time.Millisecond},
	})
	fmt.Println("took", time.Since(start).Truncate(100*time.Millisecond))
}
