// Stop before expiry returns true; the timer never fires and a later Reset re-arms it.
package main

import (
	"fmt"
	"time"
)

func main() {
	t := time.NewTimer(50 * time.Millisecond)
	fmt.Println("stop pending:", t.Stop())
	time.Sleep(100 * time.Millisecond)
	select {
	case <-t.C:
		fmt.Println("fired anyway")
	default:
		fmt.Println("never fired")
	}
	fmt.Println("reset stopped:", t.Reset(20*time.Millisecond))
	<-t.C
	fmt.Println("fired after reset")
	fmt.Println("stop fired:", t.Stop())
}
