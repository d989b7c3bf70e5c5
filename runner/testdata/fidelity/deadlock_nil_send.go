// A send on a nil channel blocks forever: deadlock with "[chan send (nil chan)]".
package main

import "fmt"

func main() {
	fmt.Println("start")
	var ch chan int
	fmt.Println("sending on nil channel")
	ch <- 1
	fmt.Println("unreachable")
}
