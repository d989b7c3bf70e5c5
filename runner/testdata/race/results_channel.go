// Workers send results on a buffered channel; main collects them: the
// sends happen before the receives, and nothing else is shared.
package main

import "fmt"

func square(n int, out chan<- int) {
	out <- n * n
}

func main() {
	out := make(chan int, 3)
	for i := 1; i <= 3; i++ {
		go square(i, out)
	}
	sum := 0
	for range 3 {
		sum += <-out
	}
	fmt.Println(sum)
}
