// The sends run in a goroutine; main receives through a helper.
package main

import "fmt"

func printSquares(squares <-chan int, n int) {
	for i := 0; i < n; i++ {
		fmt.Println(<-squares)
	}
}

func main() {
	squares := make(chan int)
	go func() {
		for i := 1; i <= 3; i++ {
			squares <- i * i
		}
	}()
	printSquares(squares, 3)
}
