// Shifting by a negative signed count panics "negative shift amount" at run time.
package main

import "fmt"

func main() {
	x := 1
	for _, s := range []int{0, 3, 63, 64, 100} {
		fmt.Println(x<<s, -8>>s)
	}
	var small int8 = 7
	fmt.Println(uint8(1)<<small, int16(-1)>>small)
	var n uint = 2
	fmt.Println(x << n)
	s := -1
	fmt.Println("about to shift by", s)
	fmt.Println(x << s)
}
