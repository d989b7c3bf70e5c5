// real: calling a nil func is a nil dereference.
package main

import "fmt"

func main() {
	var f func(int) int
	fmt.Println("start")
	fmt.Println(f(1))
}
