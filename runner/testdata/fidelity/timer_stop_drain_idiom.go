// The pre-1.23 idiom "if !t.Stop() { <-t.C }" is unneeded: Stop on an unreceived expired timer returns true.
package main

import (
	"fmt"
	"time"
)

func main() {
	t := time.NewTimer(20 * time.Millisecond)
	time.Sleep(60 * time.Millisecond)
	if !t.Stop() {
		fmt.Println("draining")
		<-t.C
	}
	fmt.Println("reset:", t.Reset(20*time.Millisecond))
	<-t.C
	fmt.Println("fired")
	if !t.Stop() {
		fmt.Println("already received: nothing to drain")
	}
}
