// Stop on a timer that fired but was never received returns true, and no stale value is left.
package main

import (
	"fmt"
	"time"
)

func main() {
	t := time.NewTimer(10 * time.Millisecond)
	time.Sleep(50 * time.Millisecond)
	fmt.Println("stop:", t.Stop())
	select {
	case v := <-t.C:
		fmt.Println("stale value", v)
	default:
		fmt.Println("no stale value")
	}
	fmt.Println("stop again:", t.Stop())
}
