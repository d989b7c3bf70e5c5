// A closed buffered channel still delivers its buffered values (ok=true), then zero values with ok=false.
package main

import "fmt"

func main() {
	fmt.Println("start")
	ch := make(chan int, 3)
	ch <- 10
	ch <- 20
	close(ch)
	for i := 0; i < 4; i++ {
		v, ok := <-ch
		fmt.Println(v, ok)
	}
	var s chan string = make(chan string)
	close(s)
	v, ok := <-s
	fmt.Printf("%q %v\n", v, ok)
}
