// Closing a nil channel panics: "panic: close of nil channel".
package main

import "fmt"

func main() {
	fmt.Println("start")
	var ch chan int
	fmt.Println("closing nil channel")
	close(ch)
	fmt.Println("unreachable")
}
