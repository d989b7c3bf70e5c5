// Recursion shows one frame per call, each at the line of the recursive call.
package main

import "fmt"

func countdown(n int) int {
	if n == 0 {
		panic(fmt.Sprintf("reached %d", n))
	}
	return countdown(n-1) + 1
}

func main() {
	fmt.Println("start")
	fmt.Println(countdown(4))
}
