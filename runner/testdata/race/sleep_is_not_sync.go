// Sleeping is not synchronisation: the write and the read are not ordered
// however long main sleeps.
package main

import (
	"fmt"
	"time"
)

var ready bool

func main() {
	go func() {
		ready = true
	}()
	time.Sleep(10 * time.Millisecond)
	fmt.Println(ready)
}
