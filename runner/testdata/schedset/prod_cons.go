// A producer fills a buffered channel while a consumer drains it; both
// print, so the lines show how far ahead the producer got.
package main

import "fmt"

func main() {
	ch := make(chan int, 2)
	done := make(chan bool)
	go func() {
		for v := range ch {
			fmt.Println("got", v)
		}
		done <- true
	}()
	for i := range 4 {
		ch <- i
		fmt.Println("put", i)
	}
	close(ch)
	<-done
}
