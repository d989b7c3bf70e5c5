// main closes the channel right after starting the sender: its range
// loop ends at once, and main returns before any square is sent.
// fails: output no-leak
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
	close(squares)
	for v := range squares {
		fmt.Println(v)
	}
}
