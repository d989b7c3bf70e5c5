// WaitGroup.Go starts and counts each download.
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
		wg.Go(func() { download(f) })
	}
	wg.Wait()
	fmt.Println("all downloads finished")
}
