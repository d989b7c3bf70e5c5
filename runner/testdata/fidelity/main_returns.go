// When main returns the program exits at once: runnable goroutines that never got the P never run.
package main

import "fmt"

func main() {
	fmt.Println("start")
	for i := 0; i < 3; i++ {
		go func() {
			fmt.Println("goroutine", i)
		}()
	}
	fmt.Println("main returns")
}
