// A goroutine fills a value and hands it over on an unbuffered channel;
// main reads it after the receive: race-free.
package main

import "fmt"

type result struct{ sum int }

func main() {
	r := &result{}
	done := make(chan bool)
	go func() {
		for i := 1; i <= 10; i++ {
			r.sum += i
		}
		done <- true
	}()
	<-done
	fmt.Println(r.sum)
}
