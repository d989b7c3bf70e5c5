// A recovered runtime error stays in the report when the deferred call panics anew: "[recovered]", then the new panic after a tab.
package main

import "fmt"

type status int

func get(xs []int, i int) int { return xs[i] }

func main() {
	fmt.Println("start")
	defer func() {
		if r := recover(); r != nil {
			fmt.Println("recovered:", r)
			panic(status(503))
		}
	}()
	xs := []int{1, 2, 3}
	for i := 0; i <= len(xs); i++ {
		fmt.Println(get(xs, i))
	}
}
