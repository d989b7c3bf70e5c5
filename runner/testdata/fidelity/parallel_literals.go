// A parallel assignment or declaration with a composite literal among its values keeps every value.
package main

import "fmt"

type point struct{ x, y int }

var ga, gb = 2, []int{0, 1}

func main() {
	first, rest := 2, []int{0, 1}
	fmt.Println(first, rest)
	s, n := []int{0, 1}, 2
	fmt.Println(s, n)
	c, p := 4, point{5, 6}
	fmt.Println(c, p)
	m, k := map[string]int{"a": 1}, 7
	fmt.Println(m, k)
	var a, b = 3, [2]int{8, 9}
	fmt.Println(a, b, ga, gb)
	var err error
	l, err := []int{1}, fmt.Errorf("boom")
	fmt.Println(l, err)
	var i any
	g, i := 3, []int{4}
	fmt.Println(g, i)
	var x int
	var y []int
	x, y = 5, []int{6}
	fmt.Println(x, y)
}
