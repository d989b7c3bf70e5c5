// time.Sleep(0) returns at once without yielding; a positive sleep parks main so the goroutine runs.
package main

import (
	"fmt"
	"time"
)

func main() {
	fmt.Println("start")
	go func() {
		fmt.Println("goroutine runs")
	}()
	time.Sleep(0)
	fmt.Println("after Sleep(0)")
	time.Sleep(20 * time.Millisecond)
	fmt.Println("after Sleep(20ms)")
}
