// The receiving loop moves into a goroutine, and main returns right after
// its last send, maybe before the last square is printed.
// fails: main-receives-or-waits
// real: clean
package main

import "fmt"

func main() {
	squares := make(chan int)
	go func() {
		for i := 1; i <= 3; i++ {
			fmt.Println(<-squares)
		}
	}()
	for i := 1; i <= 3; i++ {
		squares <- i * i
	}
}
