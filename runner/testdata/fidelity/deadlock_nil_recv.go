// A receive from a nil channel blocks forever: deadlock with "[chan receive (nil chan)]".
package main

import "fmt"

func main() {
	fmt.Println("start")
	var ch chan string
	fmt.Println("receiving from nil channel")
	s := <-ch
	fmt.Println("unreachable", s)
}
