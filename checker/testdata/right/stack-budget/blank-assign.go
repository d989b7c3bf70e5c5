// The old limit SetMaxStack returns is dropped with _ =.
package main

import (
	"fmt"
	"gpm"
	"runtime/debug"
)

func sum(n int) int {
	total := 0
	for n > 0 {
		total += n
		n--
	}
	return total
}

func main() {
	_ = debug.SetMaxStack(16 << 10)
	fmt.Println("sum:", sum(10_000))
	fmt.Println("stack:", gpm.StackSize()>>10, "KiB")
}
