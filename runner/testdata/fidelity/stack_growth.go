// Goroutine stacks start small and grow on demand: deep recursion works well below the 1 GB default limit.
package main

import "fmt"

func sum(n int) int {
	var pad [16]int
	pad[n%16] = n
	if n == 0 {
		return 0
	}
	return pad[n%16] + sum(n-1)
}

func main() {
	fmt.Println("start")
	done := make(chan int)
	go func() { done <- sum(10_000) }()
	fmt.Println("sum in a goroutine:", <-done)
	fmt.Println("sum in main:", sum(20_000))
}
