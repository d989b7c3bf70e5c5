// The prediction printed with one Printf.
// pending: the runner gives first the value 0 after "first, rest := 2, []int{...}" (go run prints 2)
package main

import "fmt"

func main() {
	first, rest := 2, []int{0, 1, 5, 3, 4}
	fmt.Printf("%d\n", first)
	for _, n := range rest {
		fmt.Printf("%d\n", n)
	}
}
