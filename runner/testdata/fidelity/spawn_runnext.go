// A spawn loop runs the last goroutine first (runnext), then the rest in FIFO order: 9 0 1 ... 8.
package main

import "fmt"

func main() {
	fmt.Println("start")
	done := make(chan bool)
	for i := 0; i < 10; i++ {
		go func() {
			fmt.Println(i)
			done <- true
		}()
	}
	for i := 0; i < 10; i++ {
		<-done
	}
	fmt.Println("end")
}
