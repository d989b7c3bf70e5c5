// sandbox: 8 TB of ints; gc fails with the same fatal error on any machine without 8 TB.
package main

import "fmt"

func main() {
	n := 1 << 40
	b := make([]int, n)
	fmt.Println(len(b))
}
