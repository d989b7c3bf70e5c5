// The channel is gone: the squares are printed as constants.
// fails: computes-output
// real: clean
package main

import "fmt"

func main() {
	fmt.Println(1)
	fmt.Println(4)
	fmt.Println(9)
}
