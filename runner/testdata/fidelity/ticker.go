// A time.Ticker delivers one value per period until Stop; after Stop returns no tick is ever received.
package main

import (
	"fmt"
	"time"
)

func main() {
	fmt.Println("start")
	t := time.NewTicker(5 * time.Millisecond)
	for i := 1; i <= 3; i++ {
		<-t.C
		fmt.Println("tick", i)
	}
	t.Stop()
	select {
	case <-t.C:
		fmt.Println("tick after Stop")
	case <-time.After(20 * time.Millisecond):
		fmt.Println("no tick after Stop")
	}
	fmt.Println("end")
}
