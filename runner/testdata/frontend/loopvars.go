// Go 1.22 loop variables: each iteration has its own variable when a closure
// captures it or its address is taken; continue, labelled continue and
// changes to the variable in the body keep working.
package main

import "fmt"

type P struct{ X int }

func (p *P) Inc() { p.X++ }

func main() {
	var fs []func() int
	for i := 0; i < 3; i++ {
		fs = append(fs, func() int { return i })
	}
	for _, f := range fs {
		fmt.Print(f(), " ")
	}
	fmt.Println()

	var ps []*int
	for i := 0; i < 3; i++ {
		ps = append(ps, &i)
	}
	fmt.Println(*ps[0], *ps[1], *ps[2])

	fs = nil
	for i := 0; i < 10; i++ {
		if i%2 == 0 {
			continue
		}
		x := i * 10
		fs = append(fs, func() int { return x + i })
		if i > 6 {
			break
		}
		i++ // skips one more
	}
	for _, f := range fs {
		fmt.Print(f(), " ")
	}
	fmt.Println()

	fs = nil
outer:
	for i, j := 0, 10; i < j; i, j = i+1, j-1 {
		for k := 0; k < 3; k++ {
			if k == 1 {
				continue outer
			}
			fs = append(fs, func() int { return i*100 + j*10 + k })
		}
	}
	for _, f := range fs {
		fmt.Print(f(), " ")
	}
	fmt.Println()

	fs = nil
	for k, v := range map[string]int{"a": 1} {
		fs = append(fs, func() int { return len(k) + v })
	}
	for i, v := range []int{10, 20, 30} {
		fs = append(fs, func() int { return i + v })
	}
	for _, f := range fs {
		fmt.Print(f(), " ")
	}
	fmt.Println()

	var pts []*P
	for _, p := range []P{{1}, {2}} {
		p.Inc()
		pts = append(pts, &p)
	}
	fmt.Println(pts[0].X, pts[1].X)

	done := make(chan int)
	for i := range 3 {
		go func() { done <- i * i }()
		fmt.Print(<-done, " ")
	}
	fmt.Println()

	arrs := [][]int{}
	for a := [2]int{0, 0}; a[0] < 2; a[0]++ {
		arrs = append(arrs, a[:])
	}
	fmt.Println(arrs)

	sum := 0
	for i := 0; i < 4; i++ {
		switch {
		case i == 1:
			continue
		}
		defer func() { sum += i }()
		func() { sum += i }()
	}
	fmt.Println("sum", sum)
}
