// A buffer too small for the three values.
// want: Deadlock at a send on squares: the buffer is full and the only receiver is main itself
// fails: ends-normally
// real: exit
package main

import "fmt"

func main() {
	squares := make(chan int, 2)
	for i := 1; i <= 3; i++ {
		squares <- i * i
	}
	for i := 1; i <= 3; i++ {
		fmt.Println(<-squares)
	}
}
