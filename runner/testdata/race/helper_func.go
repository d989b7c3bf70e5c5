// The racy update is in a helper called both from a goroutine and, after
// a sleep, from main: the report names the helper's line for both
// accesses.
package main

import (
	"fmt"
	"time"
)

var total int

func add(n int) {
	total += n
}

func main() {
	go add(1)
	time.Sleep(10 * time.Millisecond)
	add(2)
	fmt.Println(total > 0)
}
