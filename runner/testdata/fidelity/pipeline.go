// A three-stage pipeline of unbuffered channels: each value is handed through every stage before the next.
package main

import "fmt"

func gen(n int) <-chan int {
	out := make(chan int)
	go func() {
		for i := 1; i <= n; i++ {
			fmt.Println("gen", i)
			out <- i
		}
		close(out)
	}()
	return out
}

func square(in <-chan int) <-chan int {
	out := make(chan int)
	go func() {
		for v := range in {
			fmt.Println("square", v)
			out <- v * v
		}
		close(out)
	}()
	return out
}

func main() {
	fmt.Println("start")
	for v := range square(gen(3)) {
		fmt.Println("main got", v)
	}
	fmt.Println("end")
}
