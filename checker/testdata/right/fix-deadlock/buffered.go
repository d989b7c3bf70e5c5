// The other fix: a buffer that holds all three squares.
package main

import "fmt"

func main() {
	squares := make(chan int, 3)
	for i := 1; i <= 3; i++ {
		squares <- i * i
	}
	for i := 1; i <= 3; i++ {
		fmt.Println(<-squares)
	}
}
