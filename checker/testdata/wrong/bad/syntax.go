// A syntax error: graded as a compile failure, never a crash.
// want: The program does not compile
// want: prog.go:9:21: syntax error
package main

import "fmt"

func main() {
	fmt.Println("hello"
}
