// Goroutine ids are never reused but dead G structs are (LIFO), so the report lists new goroutine 11 before 10.
package main

import "fmt"

func main() {
	fmt.Println("start")
	done := make(chan bool)
	for i := 0; i < 3; i++ {
		go func() { done <- true }()
	}
	for i := 0; i < 3; i++ {
		<-done
	}
	block := make(chan bool)
	for i := 0; i < 2; i++ {
		go func() { <-block }()
	}
	fmt.Println("main waits")
	<-done
}
