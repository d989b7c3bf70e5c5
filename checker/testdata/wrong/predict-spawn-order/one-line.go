// The right order, but on one line: the task asks for one number per
// line.
// fails: prediction
// real: clean
package main

import "fmt"

func main() {
	fmt.Println(2, 0, 1, 5, 3, 4)
}
