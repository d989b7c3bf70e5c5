// An index out of range in a one-line function has that line as its location.
package main

import "fmt"

func at(xs []int, i int) int { return xs[i] }

func sum(xs []int, idx []int) int {
	s := 0
	for _, i := range idx {
		s += at(xs, i)
	}
	return s
}

func main() {
	fmt.Println("start")
	fmt.Println(sum([]int{1, 2, 3}, []int{0, 2, 5}))
}
