// Both channels are ready: select picks one at random.
package main

import "fmt"

func main() {
	a, b := make(chan string, 1), make(chan string, 1)
	a <- "a"
	b <- "b"
	select {
	case v := <-a:
		fmt.Println(v)
	case v := <-b:
		fmt.Println(v)
	}
}
