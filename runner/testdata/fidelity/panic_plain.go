// An unrecovered panic prints "panic: <value>" and the panicking goroutine's trace, runs defers, exit 2.
package main

import "fmt"

func main() {
	fmt.Println("start")
	defer fmt.Println("deferred call runs")
	f(3)
}

func f(n int) {
	if n == 0 {
		panic("boom")
	}
	fmt.Println("f", n)
	f(n - 1)
}
