// Both loops moved into goroutines: main returns at once.
// want: Not every square was printed: main returned before the goroutines did their work
// want: main may return before the goroutine that prints has printed the last square
// fails: main-receives-or-waits
// real: output
package main

import "fmt"

func main() {
	squares := make(chan int)
	go func() {
		for i := 1; i <= 3; i++ {
			squares <- i * i
		}
	}()
	go func() {
		for i := 1; i <= 3; i++ {
			fmt.Println(<-squares)
		}
	}()
}
