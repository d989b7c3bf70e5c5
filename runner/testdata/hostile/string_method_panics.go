// real: fmt recovers a panic in a String or Error method and prints it in place.
package main

import (
	"errors"
	"fmt"
)

type T struct{}

func (T) String() string { panic("boom") }

type E struct{ n int }

func (e E) Error() string { panic(errors.New("inner")) }

func main() {
	fmt.Println(T{})
	fmt.Printf("%v|%s\n", T{}, T{})
	fmt.Println(E{3})
	var err error = E{4}
	fmt.Println(err)
	panic("second")
}
