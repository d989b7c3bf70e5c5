// real: make of a channel with a negative buffer panics (a plain error, no "runtime error:").
package main

import "fmt"

func main() {
	n := -1
	c := make(chan int, n)
	fmt.Println(cap(c))
}
