// real: make with a capacity below the length panics.
package main

import "fmt"

func main() {
	n := 5
	b := make([]int, 10, n)
	fmt.Println(len(b))
}
