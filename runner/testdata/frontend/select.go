// select: default, send and receive cases, comma-ok, assignment to existing
// variables, nil channels, labelled break, and operands evaluated once in
// source order.
package main

import "fmt"

var trace []string

func ch(name string, c chan int) chan int {
	trace = append(trace, name)
	return c
}

func val(name string, v int) int {
	trace = append(trace, name)
	return v
}

type Flag bool

func main() {
	a := make(chan int, 1)
	b := make(chan int, 1)
	select {
	case v := <-a:
		fmt.Println("unexpected", v)
	default:
		fmt.Println("default")
	}

	select {
	case ch("a", a) <- val("1", 1):
		fmt.Println("sent to a")
	case v, ok := <-ch("b", b):
		fmt.Println("unexpected", v, ok)
	}
	fmt.Println(trace)

	var got int
	var ok Flag
	close(b)
	select {
	case got, ok = <-b:
		fmt.Println("closed b", got, ok)
	}

	var nilch chan int
	select {
	case <-nilch:
		fmt.Println("never")
	case x := <-a:
		fmt.Println("from a", x)
	}

	results := make(chan string)
	quit := make(chan struct{})
	go func() {
		for i := 0; i < 3; i++ {
			results <- fmt.Sprint("r", i)
		}
		close(quit)
	}()
	n := 0
loop:
	for {
		select {
		case r := <-results:
			n++
			fmt.Println(r)
			if n == 10 {
				break
			}
		case <-quit:
			break loop
		}
	}
	fmt.Println("n", n)

	out := make(chan int, 3)
	for i := 0; i < 5; i++ {
		select {
		case out <- i * 10:
		default:
			fmt.Println("full at", i)
		}
	}
	fmt.Println(len(out), <-out, <-out, <-out)

	multi := make(chan string, 1)
	select {
	case multi <- fmt.Sprint(
		"multi",
		"line"):
		fmt.Println("sent multi")
	}
	fmt.Println(<-multi)
	sel := func(c chan int) int {
		select {
		case v := <-c:
			return v
		default:
			return -1
		}
	}
	fmt.Println(sel(a), sel(nil))
}
