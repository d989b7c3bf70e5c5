// sandbox: a panic value past the output limit is cut; gc prints all of it.
package main

import "strings"

func main() {
	panic(strings.Repeat("x", 8<<20))
}
