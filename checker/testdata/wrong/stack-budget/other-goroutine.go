// The recursion moved into another goroutine: its stack overflows too.
// want: Stack overflow in a goroutine other than main: the budget applies to every goroutine
// fails: ends-normally
// real: exit
package main

import (
	"fmt"
	"gpm"
	"runtime/debug"
)

// sum adds up 1..n recursively: n + sum(n-1).
func sum(n int) int {
	if n == 0 {
		return 0
	}
	return n + sum(n-1)
}

func main() {
	debug.SetMaxStack(16 << 10)
	result := make(chan int)
	go func() { result <- sum(10_000) }()
	fmt.Println("sum:", <-result)
	fmt.Println("stack:", gpm.StackSize()>>10, "KiB")
}
