// An unrecovered panic in a goroutine kills the whole program; the trace names that goroutine (id 7).
package main

import (
	"fmt"
	"time"
)

func main() {
	fmt.Println("start")
	go func() {
		fmt.Println("goroutine panics")
		panic("worker failed")
	}()
	time.Sleep(50 * time.Millisecond)
	fmt.Println("unreachable")
}
