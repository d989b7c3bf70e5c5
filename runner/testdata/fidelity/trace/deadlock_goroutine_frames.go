// Each goroutine blocked at a deadlock shows its function at the blocking line and its creator.
package main

import "fmt"

func relay(in <-chan int, out chan<- int) {
	for v := range in {
		out <- v + 1
	}
}

func main() {
	fmt.Println("start")
	a, b := make(chan int), make(chan int)
	go relay(a, b)
	for i := range 2 {
		a <- i
		fmt.Println("sent", i)
	}
}
