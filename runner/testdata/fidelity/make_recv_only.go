// make of a receive-only or send-only channel type gives an empty channel of that type.
package main

import "fmt"

func main() {
	r := make(<-chan int)
	fmt.Println(len(r), cap(r))
	b := make(<-chan string, 3)
	fmt.Println(len(b), cap(b))
	s := make(chan<- int, 2)
	s <- 1
	fmt.Println(len(s), cap(s))
	select {
	case v := <-r:
		fmt.Println("received", v)
	default:
		fmt.Println("nothing to receive")
	}
	fmt.Printf("%T %T %T\n", r, b, s)
}
