// A named function sends the squares, started with go.
package main

import "fmt"

func send(squares chan<- int) {
	for i := 1; i <= 3; i++ {
		squares <- i * i
	}
}

func main() {
	squares := make(chan int)
	go send(squares)
	for i := 1; i <= 3; i++ {
		fmt.Println(<-squares)
	}
}
