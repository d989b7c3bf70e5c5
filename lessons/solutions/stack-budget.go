//go:build ignore

// Reference solution of the exercise stack-budget (lesson 5): a loop needs
// one frame however large n is, so the stack stays at 2 KiB.
package main

import (
	"fmt"
	"gpm"
	"runtime/debug"
)

// sum adds up 1..n with a loop: one frame, however large n is.
func sum(n int) int {
	total := 0
	for i := 1; i <= n; i++ {
		total += i
	}
	return total
}

func main() {
	debug.SetMaxStack(16 << 10) // the budget: 16 KiB per goroutine
	fmt.Println("sum:", sum(10_000))
	fmt.Println("stack:", gpm.StackSize()>>10, "KiB") // what main's stack grew to
}
