// The prediction printed with one Printf.
package main

import "fmt"

func main() {
	first, rest := 2, []int{0, 1, 5, 3, 4}
	fmt.Printf("%d\n", first)
	for _, n := range rest {
		fmt.Printf("%d\n", n)
	}
}
