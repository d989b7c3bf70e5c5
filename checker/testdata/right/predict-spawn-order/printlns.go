// One Println per goroutine, with the reasoning beside each.
package main

import "fmt"

func main() {
	fmt.Println(2) // runnext when main yields
	fmt.Println(0) // local queue, in order
	fmt.Println(1)
	fmt.Println(5) // runnext again after main creates 3, 4, 5
	fmt.Println(3)
	fmt.Println(4)
}
