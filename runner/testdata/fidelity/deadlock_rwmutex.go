// A writer waiting for a read lock that is never released, and main waiting too: "[sync.RWMutex.Lock]".
package main

import (
	"fmt"
	"sync"
)

func main() {
	fmt.Println("start")
	var rw sync.RWMutex
	done := make(chan bool)
	rw.RLock()
	go func() {
		rw.Lock()
		done <- true
	}()
	fmt.Println("main waits for the writer")
	<-done
}
