// real: recursion through an interface method.
package main

import "fmt"

type Node interface{ Depth() int }

type N struct{ next Node }

func (n *N) Depth() int { return n.next.Depth() + 1 }

func main() {
	n := &N{}
	n.next = n
	fmt.Println(n.Depth())
}
