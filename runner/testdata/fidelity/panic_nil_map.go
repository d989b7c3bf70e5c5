// Writing to a nil map panics: "panic: assignment to entry in nil map".
package main

import "fmt"

func main() {
	fmt.Println("start")
	var m map[string]int
	fmt.Println("read from nil map:", m["x"], len(m))
	m["x"] = 1
	fmt.Println("unreachable")
}
