// range over an integer (Go 1.22), typed and untyped, with the variable
// changed in the body, and min, max and clear.
package main

import "fmt"

type Count int

const N = 3

func main() {
	for i := range 3 {
		fmt.Print(i, " ")
	}
	fmt.Println()
	var c Count = 4
	for i := range c {
		fmt.Printf("%v:%v ", i, i+1)
	}
	fmt.Println()
	n := 0
	for range N {
		n++
	}
	for i := range n {
		i += 10
		fmt.Print(i, " ")
	}
	fmt.Println()
	var j int64
	for j = range int64(2) {
	}
	fmt.Println("j", j)
	for i := range 0 {
		fmt.Println("never", i)
	}
	s := []string{"a", "b", "c"}
	for i := range len(s) {
		s = s[:1]
		fmt.Print(i, " ")
	}
	fmt.Println()
}
