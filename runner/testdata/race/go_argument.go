// The go statement evaluates its arguments in the parent, and what the
// parent did before it happens before the goroutine: race-free.
package main

import "fmt"

func main() {
	n := 5
	done := make(chan int)
	go func(v int) {
		done <- v * 2
	}(n)
	n = 7
	fmt.Println(<-done, n)
}
