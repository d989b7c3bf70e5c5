// The WaitGroup is passed by value: each Done lowers a copy's counter,
// and main's Wait never returns.
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

func get(file string, wg sync.WaitGroup) {
	defer wg.Done()
	download(file)
}

func main() {
	files := []string{"a.txt", "b.txt", "c.txt", "d.txt", "e.txt"}
	var wg sync.WaitGroup
	for _, f := range files {
		wg.Add(1)
		go get(f, wg)
	}
	wg.Wait()
	fmt.Println("all downloads finished")
}
