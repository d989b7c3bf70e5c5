// Each goroutine reports on a channel; main receives one report per file.
package main

import (
	"fmt"
	"time"
)

// download fetches one file; the network takes 50ms.
func download(file string) {
	time.Sleep(50 * time.Millisecond)
	fmt.Println("downloaded", file)
}

func main() {
	files := []string{"a.txt", "b.txt", "c.txt", "d.txt", "e.txt"}
	done := make(chan struct{})
	for _, f := range files {
		go func() {
			download(f)
			done <- struct{}{}
		}()
	}
	for range files {
		<-done
	}
	fmt.Println("all downloads finished")
}
