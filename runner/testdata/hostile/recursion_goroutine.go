// real: recursion in a goroutine overflows that goroutine's stack.
package main

import "fmt"

func f(n int) int { return f(n+1) + 1 }

func main() {
	done := make(chan int)
	go func() { done <- f(0) }()
	fmt.Println(<-done)
}
