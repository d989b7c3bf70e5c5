// real: a channel element of 64 kB or more is a compile error.
package main

import "fmt"

func main() {
	c := make(chan [1 << 20]byte, 1)
	fmt.Println(cap(c))
}
