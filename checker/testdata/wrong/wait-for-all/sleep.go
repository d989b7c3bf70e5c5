// main sleeps instead of waiting.
// want: main sleeps instead of waiting for the downloads
// fails: avoids-clock-wait-outside-download
// real: output
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
	time.Sleep(time.Second)
	fmt.Println("all downloads finished")
}
