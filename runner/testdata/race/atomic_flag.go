// A goroutine publishes data and then sets an atomic flag; main waits for
// the flag and then reads the data: the Store happens before the Load
// that sees it, so this is race-free.
package main

import (
	"fmt"
	"sync/atomic"
	"time"
)

var (
	data  string
	ready atomic.Bool
)

func main() {
	go func() {
		data = "hello"
		ready.Store(true)
	}()
	for !ready.Load() {
		time.Sleep(time.Millisecond)
	}
	fmt.Println(data)
}
