// main waits on the clock with <-time.After: a sleep by another name.
// fails: avoids-clock-wait-outside-download
// real: clean
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
	for _, f := range files {
		go download(f)
	}
	<-time.After(55 * time.Millisecond)
	fmt.Println("all downloads finished")
}
