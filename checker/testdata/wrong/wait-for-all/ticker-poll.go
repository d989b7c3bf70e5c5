// main polls the number of goroutines on a Ticker until the downloads are
// gone: waiting on the clock, not on the downloads.
// fails: avoids-clock-wait-outside-download
// real: clean
package main

import (
	"fmt"
	"runtime"
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
	tick := time.NewTicker(time.Millisecond)
	defer tick.Stop()
	for runtime.NumGoroutine() > 1 {
		<-tick.C
	}
	fmt.Println("all downloads finished")
}
