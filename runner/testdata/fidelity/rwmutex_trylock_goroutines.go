// TryLock gives up instead of waiting while a reader goroutine holds the RWMutex.
package main

import (
	"fmt"
	"sync"
	"time"
)

func main() {
	var rw sync.RWMutex
	done := make(chan bool)
	go func() {
		rw.RLock()
		time.Sleep(100 * time.Millisecond)
		rw.RUnlock()
		done <- true
	}()
	time.Sleep(10 * time.Millisecond)
	fmt.Println("writer TryLock:", rw.TryLock())
	fmt.Println("reader TryRLock:", rw.TryRLock())
	rw.RUnlock()
	<-done
	fmt.Println("after reader left:", rw.TryLock())
	rw.Unlock()
}
