// Keeps the recursion and leaves the budget out.
// want: The first statement of main must set the budget
// want: A stack grew past the 16 KiB budget
// fails: sets-max-stack
// real: clean
package main

import (
	"fmt"
	"gpm"
)

// sum adds up 1..n recursively: n + sum(n-1).
func sum(n int) int {
	if n == 0 {
		return 0
	}
	return n + sum(n-1)
}

func main() {
	fmt.Println("sum:", sum(10_000))
	fmt.Println("stack:", gpm.StackSize()>>10, "KiB")
}
