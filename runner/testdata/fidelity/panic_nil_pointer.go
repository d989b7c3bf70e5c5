// Dereferencing a nil pointer panics: "panic: runtime error: invalid memory address or nil pointer dereference".
package main

import "fmt"

type node struct {
	val  int
	next *node
}

func main() {
	fmt.Println("start")
	n := &node{val: 1}
	fmt.Println(n.val)
	fmt.Println(n.next.val)
}
