// real: make with a negative length panics.
package main

import "fmt"

func main() {
	n := -1
	b := make([]int, n)
	fmt.Println(len(b))
}
