// wg.Add counts one download too many: Wait never returns.
// fails: ends-normally
// real: exit
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
	wg.Add(len(files) + 1)
	for _, f := range files {
		go func() {
			defer wg.Done()
			download(f)
		}()
	}
	wg.Wait()
	fmt.Println("all downloads finished")
}
