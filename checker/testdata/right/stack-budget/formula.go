// Gauss's formula: no loop, no recursion.
package main

import (
	"fmt"
	"gpm"
	"runtime/debug"
)

func sum(n int) int { return n * (n + 1) / 2 }

func main() {
	debug.SetMaxStack(16 << 10)
	fmt.Println("sum:", sum(10_000))
	fmt.Println("stack:", gpm.StackSize()>>10, "KiB")
}
