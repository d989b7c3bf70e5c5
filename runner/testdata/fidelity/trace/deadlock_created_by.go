// A goroutine blocked at a deadlock names the function and line that created it.
package main

import "fmt"

func producer(ch chan<- int, n int) {
	for i := range n {
		ch <- i
	}
}

func main() {
	fmt.Println("start")
	ch := make(chan int)
	done := make(chan bool)
	go producer(ch, 3)
	fmt.Println(len(ch), len(done))
	<-done
}
