// Panic values print with their type (main.code(42)); a panic in a deferred call after recover adds a nested line.
package main

import (
	"errors"
	"fmt"
)

type code int

func main() {
	fmt.Println("start")
	defer func() {
		r := recover()
		fmt.Println("recovered:", r)
		panic(errors.New("second failure"))
	}()
	panic(code(42))
}
