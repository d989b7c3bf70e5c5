// A panic 120 calls deep prints the 50 innermost and 50 outermost frames.
package main

import "fmt"

func down(n int) int {
	if n == 0 {
		panic("bottom")
	}
	return down(n-1) + 1
}

func main() {
	fmt.Println("start")
	fmt.Println(down(120))
}
