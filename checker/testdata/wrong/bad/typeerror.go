// A type error: gc's message, with its position.
// want: prog.go:8:14: undefined: y
package main

import "fmt"

func main() {
	fmt.Println(y)
}
