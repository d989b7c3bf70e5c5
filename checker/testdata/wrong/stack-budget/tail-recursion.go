// Tail recursion: Go does not eliminate tail calls.
// want: Go does not turn tail calls into jumps
// fails: ends-normally
// real: exit
package main

import (
	"fmt"
	"gpm"
	"runtime/debug"
)

// sum adds up 1..n, passing the running total along.
func sum(n, acc int) int {
	if n == 0 {
		return acc
	}
	return sum(n-1, acc+n)
}

func main() {
	debug.SetMaxStack(16 << 10)
	fmt.Println("sum:", sum(10_000, 0))
	fmt.Println("stack:", gpm.StackSize()>>10, "KiB")
}
