// Corner cases of the rewrite, one per func literal: sends in init and
// post statements, comma-ok receives in switch init, package names
// shadowed by variables, local types, labelled select, method expressions
// in go statements, generics with clear, min and range over int, defer in
// loops, nested receives.
package main

import (
	"errors"
	"fmt"
	"time"
)

type worker int

func (w worker) run(done chan error) { done <- errors.New("run") }

func (w worker) show() { fmt.Println(int(w)) }

func report(done chan error, err error) { done <- err }

func gen() <-chan int {
	c := make(chan int, 1)
	c <- 7
	return c
}

func zero[S ~[]E, E any](s S) S {
	clear(s)
	return s
}

func smallest[T int | float64](a, b, c T) T { return min(a, b, c) }

func count[T ~int](n T) T {
	var c T
	for range n {
		c++
	}
	return c
}

var _ = time.Second

func main() {
	// send in init and post
	func() {
		ch := make(chan int, 5)
		if ch <- 1; len(ch) > 0 {
			fmt.Println("sent")
		}
		for i := 0; i < 2; ch <- i {
			i++
		}
		fmt.Println(len(ch))
	}()
	// comma-ok in switch init
	func() {
		ch := make(chan string, 1)
		ch <- "x"
		switch v, ok := <-ch; {
		case ok:
			fmt.Println("got", v)
		}
	}()
	// shadowed package name
	func() {
		ch := make(chan time.Duration, 1)
		time := 3
		ch <- 2
		fmt.Println(<-ch, time)
	}()
	// local type
	func() {
		type pt struct{ x, y int }
		ch := make(chan pt, 1)
		ch <- pt{1, 2}
		p, ok := <-ch
		fmt.Println(p, ok)
	}()
	// labelled select
	func() {
		ch := make(chan int)
		close(ch)
	L:
		select {
		case <-ch:
			for {
				break L
			}
		}
		fmt.Println("out")
	}()
	// select in goroutine
	func() {
		done := make(chan bool)
		data := make(chan int)
		go func() {
			for {
				select {
				case v := <-data:
					fmt.Println("v", v)
				case done <- true:
					return
				}
			}
		}()
		data <- 1
		<-done
	}()
	// go method expression and nil
	func() {
		done := make(chan error)
		go report(done, nil)
		fmt.Println(<-done)
		var w worker
		go worker.run(w, done)
		fmt.Println(<-done)
	}()
	// receive from call results
	func() {
		fmt.Println(<-gen(), <-gen()+1)
		if v := <-gen(); v > 0 {
			fmt.Println("pos")
		}
	}()
	// clear and min of type parameter
	func() {
		fmt.Println(zero([]int{1, 2}), smallest(3, 1, 2))
	}()
	// for range int in generic
	func() {
		fmt.Println(count(3))
	}()
	// defer in loop with method
	func() {
		var ws []worker
		for i := range 2 {
			w := worker(i)
			defer w.show()
			ws = append(ws, w)
		}
		fmt.Println(len(ws))
	}()
	// nested receive in send
	func() {
		in := make(chan int, 1)
		out := make(chan int, 1)
		in <- 5
		out <- <-in * 2
		fmt.Println(<-out)
	}()
}
