// A select whose cases can never proceed blocks forever: deadlock with "[select]".
package main

import "fmt"

func main() {
	fmt.Println("start")
	a := make(chan int)
	b := make(chan string)
	select {
	case v := <-a:
		fmt.Println("a", v)
	case b <- "x":
		fmt.Println("sent b")
	}
}
