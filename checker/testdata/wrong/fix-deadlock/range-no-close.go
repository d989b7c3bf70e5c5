// main ranges over the channel, but the sender never closes it.
// fails: ends-normally
// real: exit
package main

import "fmt"

func main() {
	squares := make(chan int)
	go func() {
		for i := 1; i <= 3; i++ {
			squares <- i * i
		}
	}()
	for v := range squares {
		fmt.Println(v)
	}
}
