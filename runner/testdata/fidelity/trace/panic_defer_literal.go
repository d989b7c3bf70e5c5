// A panic inside a deferred func literal lists the literal, then the function at its panic.
package main

import "fmt"

func process(items []string) {
	defer func() {
		if r := recover(); r != nil {
			panic(fmt.Sprintf("cleanup after %v", r))
		}
	}()
	for _, it := range items {
		if it == "" {
			panic("empty item")
		}
	}
}

func main() {
	fmt.Println("start")
	process([]string{"a", ""})
}
