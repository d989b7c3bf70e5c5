// A panic three calls deep lists every frame, innermost first, down to main.main.
package main

import "fmt"

func parse(s string) int {
	if s == "" {
		panic("empty input")
	}
	return len(s)
}

func load(names []string) int {
	total := 0
	for _, n := range names {
		total += parse(n)
	}
	return total
}

func main() {
	fmt.Println("start")
	fmt.Println(load([]string{"a", "bc", ""}))
}
