//go:build ignore

// Reference solution of the exercise wait-for-all (lesson 4).
package main

import (
	"fmt"
	"sync"
	"time"
)

// download fetches one file; the network takes 50ms.
func download(file string) {
	time.Sleep(50 * time.Millisecond)
	fmt.Println("downloaded", file)
}

func main() {
	files := []string{"a.txt", "b.txt", "c.txt", "d.txt", "e.txt"}
	var wg sync.WaitGroup
	for _, f := range files {
		wg.Add(1) // before go, so that Wait cannot miss it
		go func() {
			defer wg.Done()
			download(f)
		}()
	}
	wg.Wait() // every download has called Done
	fmt.Println("all downloads finished")
}
