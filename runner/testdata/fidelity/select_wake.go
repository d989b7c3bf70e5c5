// A select parked on several channels is woken by the first send; nil-channel cases are never chosen.
package main

import "fmt"

func main() {
	fmt.Println("start")
	a := make(chan string)
	b := make(chan string)
	var disabled chan string
	go func() {
		fmt.Println("sender sends on b")
		b <- "hello"
		fmt.Println("sender done")
	}()
	for i := 0; i < 2; i++ {
		select {
		case s := <-a:
			fmt.Println("a:", s)
		case s := <-b:
			fmt.Println("b:", s)
		case s := <-disabled:
			fmt.Println("nil:", s)
		}
		b = nil
		go func() { a <- "second" }()
	}
}
