// A select receives the result: the write before the send happens before
// main's read after the select.
package main

import (
	"fmt"
	"time"
)

func main() {
	var answer int
	done := make(chan bool)
	go func() {
		answer = 42
		done <- true
	}()
	select {
	case <-done:
		fmt.Println(answer)
	case <-time.After(time.Second):
		fmt.Println("timeout")
	}
}
