// Closing a channel twice panics: "panic: close of closed channel".
package main

import "fmt"

func main() {
	fmt.Println("start")
	ch := make(chan int)
	close(ch)
	fmt.Println("closed once")
	close(ch)
	fmt.Println("unreachable")
}
