// The whole first line as a string: no number to ban.
// fails: computes-output
// want: Your program no longer contains 10_000
// real: clean
package main

import (
	"fmt"
	"gpm"
	"runtime/debug"
)

func main() {
	debug.SetMaxStack(16 << 10)
	fmt.Println("sum: 50005000")
	fmt.Println("stack:", gpm.StackSize()>>10, "KiB")
}
