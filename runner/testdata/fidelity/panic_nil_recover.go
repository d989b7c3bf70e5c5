// panic(nil) panics with a *runtime.PanicNilError, which recover returns.
package main

import (
	"errors"
	"fmt"
	"runtime"
)

func try() (err error) {
	defer func() {
		r := recover()
		fmt.Printf("%T\n", r)
		pe, ok := r.(*runtime.PanicNilError)
		fmt.Println(ok, pe)
		var re runtime.Error
		fmt.Println(errors.As(r.(error), &re))
		err = r.(error)
	}()
	panic(nil)
}

func main() {
	fmt.Println(try())
}
