// Deadlock reports list goroutines in allgs order (here creation order), not in the order they blocked.
package main

import (
	"fmt"
	"runtime"
)

func main() {
	fmt.Println("start")
	a := make(chan int)
	b := make(chan int)
	go func() {
		fmt.Println("first created, blocks last")
		runtime.Gosched()
		<-a
	}()
	go func() {
		fmt.Println("second created, blocks first")
		b <- 1
	}()
	runtime.Gosched()
	fmt.Println("main blocks")
	<-a
}
