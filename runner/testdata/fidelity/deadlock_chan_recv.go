// main receiving from a channel nobody sends on: fatal deadlock, "goroutine 1 [chan receive]", exit 2.
package main

import "fmt"

func main() {
	fmt.Println("start")
	ch := make(chan int)
	fmt.Println("receiving")
	v := <-ch
	fmt.Println("unreachable", v)
}
