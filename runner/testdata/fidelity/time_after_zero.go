// time.After(0) has expired already: a select with a default finds its value ready.
package main

import (
	"fmt"
	"time"
)

func main() {
	a := time.After(0)
	select {
	case <-a:
		fmt.Println("ready at once")
	default:
		fmt.Println("not ready")
	}
	select {
	case <-a:
		fmt.Println("ready twice")
	default:
		fmt.Println("value taken")
	}
	t := time.NewTimer(0)
	fmt.Println("stop zero timer:", t.Stop())
	t.Reset(0)
	select {
	case <-t.C:
		fmt.Println("reset(0) ready")
	default:
		fmt.Println("reset(0) not ready")
	}
}
