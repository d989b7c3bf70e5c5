// Integer division by zero panics: "panic: runtime error: integer divide by zero".
package main

import "fmt"

func div(a, b int) int {
	return a / b
}

func main() {
	fmt.Println("start")
	fmt.Println(div(10, 2))
	fmt.Println(div(1, 0))
}
