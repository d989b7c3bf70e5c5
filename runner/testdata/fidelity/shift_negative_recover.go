// The negative shift panic is a runtime.Error that recover returns.
package main

import (
	"fmt"
	"runtime"
)

func shift(x uint64, s int) (v uint64, err error) {
	defer func() {
		if r := recover(); r != nil {
			re, ok := r.(runtime.Error)
			fmt.Println("runtime.Error:", ok)
			err = re
		}
	}()
	x <<= s
	return x, nil
}

func main() {
	fmt.Println(shift(1, 4))
	fmt.Println(shift(1, -4))
	fmt.Println(shift(1, 70))
}
