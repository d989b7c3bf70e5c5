// The sum printed as a hexadecimal literal: the ban on 50005000 does not
// see it.
// fails: computes-output
// real: clean
package main

import (
	"fmt"
	"gpm"
	"runtime/debug"
)

func main() {
	debug.SetMaxStack(16 << 10)
	fmt.Println("sum:", 0x2FB0408)
	fmt.Println("stack:", gpm.StackSize()>>10, "KiB")
}
