// wg.Add(1) inside the goroutine: main reaches Wait while the counter is 0.
// want: main did not wait: only `all downloads finished` was printed
// fails: output-matches
// real: output
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
		go func() {
			wg.Add(1)
			defer wg.Done()
			download(f)
		}()
	}
	wg.Wait()
	fmt.Println("all downloads finished")
}
