// The recursion is kept and the budget raised until it fits.
// fails: sets-max-stack
// real: clean
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
	debug.SetMaxStack(1 << 20)
	fmt.Println("sum:", sum(10_000))
	fmt.Println("stack:", gpm.StackSize()>>10, "KiB")
}
