// The budget as a named constant; a range loop over the numbers.
package main

import (
	"fmt"
	"gpm"
	"runtime/debug"
)

const budget = 16 << 10 // bytes of stack per goroutine

func sum(n int) int {
	total := 0
	for i := range n + 1 {
		total += i
	}
	return total
}

func main() {
	debug.SetMaxStack(budget)
	fmt.Println("sum:", sum(10_000))
	fmt.Println("stack:", gpm.StackSize()>>10, "KiB")
}
