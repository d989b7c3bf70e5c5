// real: a package variable's initializer that recurses without end overflows before main.
package main

import "fmt"

var x = f(0)

func f(n int) int {
	if n >= 0 {
		return f(n+1) + 1
	}
	return 0
}

func main() { fmt.Println(x) }
