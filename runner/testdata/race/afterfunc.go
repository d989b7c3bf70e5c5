// time.AfterFunc's function runs in its own goroutine: what main did
// before arming the timer happens before it, what main does after does
// not.
package main

import (
	"fmt"
	"time"
)

func main() {
	msg := "armed"
	done := make(chan bool)
	time.AfterFunc(time.Millisecond, func() {
		fmt.Println(msg)
		done <- true
	})
	<-done
}
