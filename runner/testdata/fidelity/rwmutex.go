// RWMutex: readers share the lock, a waiting writer blocks new readers, and readers resume after the writer.
package main

import (
	"fmt"
	"runtime"
	"sync"
)

func main() {
	fmt.Println("start")
	var rw sync.RWMutex
	var wg sync.WaitGroup
	rw.RLock()
	fmt.Println("main holds a read lock")
	wg.Add(3)
	go func() {
		defer wg.Done()
		rw.Lock()
		fmt.Println("writer")
		rw.Unlock()
	}()
	runtime.Gosched() // the writer parks waiting for main's read lock
	for i := 0; i < 2; i++ {
		go func() {
			defer wg.Done()
			rw.RLock()
			fmt.Println("reader", i)
			rw.RUnlock()
		}()
	}
	runtime.Gosched() // new readers park behind the pending writer
	fmt.Println("main releases its read lock")
	rw.RUnlock()
	wg.Wait()
	fmt.Println("end")
}
