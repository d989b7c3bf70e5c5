// Reset on an expired, unreceived timer returns true and the old value is never delivered.
package main

import (
	"fmt"
	"time"
)

func main() {
	t := time.NewTimer(10 * time.Millisecond)
	time.Sleep(50 * time.Millisecond)
	fmt.Println("reset:", t.Reset(30*time.Millisecond))
	select {
	case <-t.C:
		fmt.Println("stale")
	default:
		fmt.Println("nothing yet")
	}
	<-t.C
	fmt.Println("fired once")
	fmt.Println("reset after receive:", t.Reset(time.Millisecond))
}
