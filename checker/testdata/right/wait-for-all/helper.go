// A helper starts the downloads and waits for them.
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

func downloadAll(files []string) {
	var wg sync.WaitGroup
	wg.Add(len(files))
	for _, f := range files {
		go func(file string) {
			defer wg.Done()
			download(file)
		}(f)
	}
	wg.Wait()
}

func main() {
	downloadAll([]string{"a.txt", "b.txt", "c.txt", "d.txt", "e.txt"})
	fmt.Println("all downloads finished")
}
