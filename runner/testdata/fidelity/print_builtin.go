// The builtin println writes to standard error, not standard output, and formats values itself: floats in shortest form, nil pointers as 0x0.
package main

import (
	"fmt"
	"math"
)

type celsius float64

func main() {
	var p *int
	var s []string
	var m map[string]int
	var err error
	fmt.Println("start")
	println("values:", 1.5, float32(0.1), 1e21, -7, uint8(200), true, 'x', 3+4i, math.Inf(-1), celsius(-40), p, s, m, err)
	fmt.Println("println wrote to stderr")
	println("second line")
}
