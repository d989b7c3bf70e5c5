// The sender closes the channel when done; main ranges over it.
package main

import "fmt"

func main() {
	squares := make(chan int)
	go func() {
		defer close(squares)
		for i := 1; i <= 3; i++ {
			squares <- i * i
		}
	}()
	for v := range squares {
		fmt.Println(v)
	}
}
