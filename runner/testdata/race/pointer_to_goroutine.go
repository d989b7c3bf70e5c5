// main passes a pointer to its variable and reads the variable while the
// goroutine writes through the pointer.
package main

import (
	"fmt"
	"time"
)

func worker(p *int) {
	*p = 10
}

func main() {
	x := 0
	go worker(&x)
	time.Sleep(10 * time.Millisecond)
	fmt.Println(x)
}
