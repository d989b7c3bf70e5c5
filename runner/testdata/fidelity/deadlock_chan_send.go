// main sending on an unbuffered channel with no receiver: deadlock with "[chan send]".
package main

import "fmt"

func main() {
	fmt.Println("start")
	ch := make(chan int, 1)
	ch <- 1
	fmt.Println("buffered send ok")
	ch <- 2
	fmt.Println("unreachable")
}
