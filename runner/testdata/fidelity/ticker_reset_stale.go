// A ticker reset after missing ticks delivers no stale tick; ticks follow the new period.
package main

import (
	"fmt"
	"time"
)

func main() {
	tk := time.NewTicker(20 * time.Millisecond)
	time.Sleep(70 * time.Millisecond)
	tk.Reset(200 * time.Millisecond)
	select {
	case <-tk.C:
		fmt.Println("stale tick")
	default:
		fmt.Println("no stale tick")
	}
	for i := range 2 {
		<-tk.C
		fmt.Println("tick", i)
	}
	tk.Stop()
	select {
	case <-tk.C:
		fmt.Println("tick after stop")
	default:
		fmt.Println("stopped")
	}
}
