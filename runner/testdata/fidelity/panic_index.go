// Index out of range is a runtime error panic: "panic: runtime error: index out of range [5] with length 3".
package main

import "fmt"

func main() {
	fmt.Println("start")
	s := []int{1, 2, 3}
	i := 5
	for j := range s {
		fmt.Println(s[j])
	}
	fmt.Println(s[i])
}
