// A deferred call that recovers and panics again with the same value: the value is printed once, "[recovered, repanicked]".
package main

import "fmt"

type notFound struct{ key string }

func (e *notFound) Error() string { return "not found: " + e.key }

func lookup(m map[string]int, key string) int {
	v, ok := m[key]
	if !ok {
		panic(&notFound{key})
	}
	return v
}

func main() {
	fmt.Println("start")
	defer func() {
		r := recover()
		fmt.Println("cleaning up after:", r.(*notFound).key)
		panic(r)
	}()
	m := map[string]int{"go": 1}
	fmt.Println(lookup(m, "go"))
	fmt.Println(lookup(m, "gopher"))
}
