// The answer as a named constant, printed.
// fails: avoids-const-50005000
// real: clean
package main

import (
	"fmt"
	"gpm"
	"runtime/debug"
)

const answer = 50_005_000 // 1 + 2 + ... + 10,000

func main() {
	debug.SetMaxStack(16 << 10)
	fmt.Println("sum:", answer)
	fmt.Println("stack:", gpm.StackSize()>>10, "KiB")
}
