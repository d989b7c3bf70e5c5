// A negative shift in a helper shows the helper's frame at the shift's line.
package main

import "fmt"

func mask(bits int) uint32 {
	fmt.Println("mask of", bits)
	return 1<<bits - 1
}

func main() {
	fmt.Println("start")
	for _, n := range []int{4, -1} {
		fmt.Println(mask(n))
	}
}
