// Three workers square a number each and send it to one channel; main
// prints the results in the order they arrive.
package main

import "fmt"

func main() {
	results := make(chan int)
	for _, n := range []int{1, 2, 3} {
		go func() { results <- n * n }()
	}
	for range 3 {
		fmt.Println(<-results)
	}
}
