// time.Sleep(math.MaxInt64) sleeps for ever: it must not wrap around and return at once.
package main

import (
	"fmt"
	"math"
	"time"
)

func main() {
	fmt.Println("start")
	go func() {
		time.Sleep(math.MaxInt64)
		fmt.Println("woke up")
	}()
	t := time.NewTimer(math.MaxInt64)
	time.AfterFunc(math.MaxInt64, func() { fmt.Println("func ran") })
	time.Sleep(100 * time.Millisecond)
	select {
	case <-t.C:
		fmt.Println("timer fired")
	default:
		fmt.Println("timer pending:", t.Stop())
	}
	fmt.Println("main done")
}
