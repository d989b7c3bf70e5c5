// Recursion on halves: the depth is log2(10,000), about 14 frames.
package main

import (
	"fmt"
	"gpm"
	"runtime/debug"
)

// sum adds up lo..hi by adding up each half.
func sum(lo, hi int) int {
	if lo == hi {
		return lo
	}
	mid := (lo + hi) / 2
	return sum(lo, mid) + sum(mid+1, hi)
}

func main() {
	debug.SetMaxStack(16 << 10)
	fmt.Println("sum:", sum(1, 10_000))
	fmt.Println("stack:", gpm.StackSize()>>10, "KiB")
}
