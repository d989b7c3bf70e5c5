// The prediction as one multi-line string.
package main

import "fmt"

func main() {
	fmt.Print("2\n0\n1\n5\n3\n4\n")
}
