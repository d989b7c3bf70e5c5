// real: mutual recursion overflows like plain recursion.
package main

import "fmt"

func even(n int) bool { return n == 0 || odd(n+1) }
func odd(n int) bool  { return n != 0 && even(n+1) }

func main() { fmt.Println(even(1)) }
