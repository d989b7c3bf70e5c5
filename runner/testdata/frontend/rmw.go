// Read-modify-writes of shared variables, split around a race window by
// the rewrite: each must still evaluate its operands once, in gc's order.
package main

import "fmt"

type counter struct{ n int }

type name string

var (
	total int
	grid  [4]int
	calls int
	trace []string
)

func idx(i int) int {
	calls++
	trace = append(trace, fmt.Sprint("idx", i))
	return i
}

func val(v int) int {
	trace = append(trace, fmt.Sprint("val", v))
	total = 100 // gc calls val before it loads total in total += val(1)
	grid[1] = 50
	return v
}

func (c *counter) inc() { c.n++ }

func main() {
	total++
	total += 2
	total -= 1
	total *= 3
	total <<= 2
	total %= 7
	total &^= 1
	fmt.Println("total", total)
	total += val(1)
	fmt.Println("total after val", total)

	grid[idx(1)] += val(2)
	grid[idx(2)]++
	fmt.Println("grid", grid, "calls", calls, trace)

	s := []int{1, 2, 3}
	s[idx(0)] *= 10
	(s[2])--
	fmt.Println("slice", s)

	m := map[string]int{}
	m["a"]++
	m["a"] += 5
	key := "b"
	m[key] -= 2
	m[fmt.Sprint("c", idx(3))] += 7
	fmt.Println("map", m["a"], m["b"], m["c3"], len(m))

	named := map[name]float64{}
	named["pi"] += 3.14
	named["pi"] *= 2
	fmt.Println("named", named["pi"])

	c := &counter{}
	c.inc()
	c.n += 10
	p := &c.n
	*p += 100
	(*p)++
	fmt.Println("counter", c.n)

	shared := 0
	str := "go"
	add := func(d int) {
		shared += d
		str += "!"
	}
	add(2)
	add(3)
	shared++
	fmt.Println("shared", shared, str)

	local := 1
	local++
	local *= 5
	for i := 0; i < 3; i++ {
		local += i
	}
	fmt.Println("local", local)

	var u8 uint8 = 250
	ptr := &u8
	*ptr += 10 // wraps, as in gc
	fmt.Println("u8", u8)
}
