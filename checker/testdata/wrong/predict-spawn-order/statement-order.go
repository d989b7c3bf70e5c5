// The order of the go statements.
// want: Goroutine 0 is not the first to print
// fails: prediction
// real: output
package main

import "fmt"

func main() {
	fmt.Println("0 1 2 3 4 5")
}
