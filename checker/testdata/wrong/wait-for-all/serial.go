// download(f) called without go, with a WaitGroup that waits for nothing.
// want: The downloads ran one after another (250ms of virtual time)
// want: Your program must use a go statement.
// fails: uses-go-statement
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
		download(f)
	}
	fmt.Println("all downloads finished")
}
