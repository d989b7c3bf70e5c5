// go statements: function values and arguments are evaluated at the go
// statement, with the parameters' types; method values, closures, variadic
// and multi-valued calls, generic functions and builtins.
package main

import (
	"fmt"
	"strings"
)

type Counter struct {
	name string
	n    int
}

func (c *Counter) Report(done chan<- string, extra ...string) {
	done <- fmt.Sprintf("%s=%d %s", c.name, c.n, strings.Join(extra, ","))
}

func (c Counter) Value(done chan<- string) { done <- fmt.Sprint(c.name, " by value ", c.n) }

type Celsius float64

func show(done chan<- string, v any, f float64, c Celsius) {
	done <- fmt.Sprintf("%T %v %v %v", v, v, f, c)
}

func pair() (chan<- string, int) { return results, 99 }

var results = make(chan string, 100)

func worker[T any](done chan<- string, v T) { done <- fmt.Sprintf("generic %v", v) }

func flag(done chan<- string, b bool) { done <- fmt.Sprint("flag ", b) }

func main() {
	done := make(chan string)
	c := &Counter{name: "c", n: 1}
	go c.Report(done, "x", "y")
	fmt.Println(<-done)
	f := c.Report
	c.n = 2
	go f(done)
	fmt.Println(<-done)
	v := Counter{name: "v", n: 5}
	go v.Value(done)
	v.n = 6
	fmt.Println(<-done)

	go show(done, 3, 2, 1.5)
	fmt.Println(<-done)
	x := 7
	go flag(done, x > 3)
	fmt.Println(<-done)
	parts := []string{"p", "q"}
	go c.Report(done, parts...)
	fmt.Println(<-done)
	go worker(done, "s")
	fmt.Println(<-done)
	go worker[int](done, 4)
	fmt.Println(<-done)

	go func(s string) {
		done <- "closure " + s
	}("arg")
	fmt.Println(<-done)

	fn := func(d chan<- string, n int) { d <- fmt.Sprint("fn ", n) }
	go fn(pair())
	fmt.Println(<-results)

	for i := 0; i < 3; i++ {
		go func() { done <- fmt.Sprint("loop ", i) }()
		fmt.Println(<-done)
	}
	for _, w := range []string{"a", "b"} {
		go func() { done <- "range " + w }()
		fmt.Println(<-done)
	}

	ch := make(chan int, 1)
	ch <- 1
	go close(ch)
	for v := range ch {
		fmt.Println("drained", v)
	}
}
