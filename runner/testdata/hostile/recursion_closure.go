// real: recursion through a func variable.
package main

import "fmt"

func main() {
	var g func(int) int
	g = func(n int) int { return g(n+1) + 1 }
	h := g
	fmt.Println(h(0))
}
