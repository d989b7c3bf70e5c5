//go:build ignore

// Reference solution of the exercise fix-deadlock (lesson 9): the sends move
// into a goroutine of their own, so that main is free to receive.
package main

import "fmt"

func main() {
	squares := make(chan int)
	go func() {
		for i := 1; i <= 3; i++ {
			squares <- i * i // main is receiving below, at the same time
		}
	}()
	for i := 1; i <= 3; i++ {
		fmt.Println(<-squares)
	}
}
