// RWMutex.TryLock fails while readers hold it; TryRLock fails while a writer holds it.
package main

import (
	"fmt"
	"sync"
)

func main() {
	var rw sync.RWMutex
	fmt.Println("TryRLock:", rw.TryRLock())
	fmt.Println("TryRLock:", rw.TryRLock())
	fmt.Println("TryLock with readers:", rw.TryLock())
	rw.RUnlock()
	rw.RUnlock()
	fmt.Println("TryLock free:", rw.TryLock())
	fmt.Println("TryRLock with writer:", rw.TryRLock())
	fmt.Println("TryLock with writer:", rw.TryLock())
	rw.Unlock()
	rw.RLock()
	fmt.Println("TryRLock with reader:", rw.TryRLock())
	rw.RUnlock()
	rw.RUnlock()
	fmt.Println("TryLock after all:", rw.TryLock())
}
