// Three goroutines race to send their name on a buffered channel; main
// takes the first.
package main

import "fmt"

func main() {
	ch := make(chan string, 3)
	for _, name := range []string{"a", "b", "c"} {
		go func() { ch <- name }()
	}
	fmt.Println(<-ch)
}
