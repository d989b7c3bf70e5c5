// Sending on a closed channel panics: "panic: send on closed channel", exit 2.
package main

import "fmt"

func main() {
	fmt.Println("start")
	ch := make(chan int, 1)
	close(ch)
	fmt.Println("closed")
	ch <- 1
	fmt.Println("unreachable")
}
