// time.AfterFunc runs its function in a new goroutine when the timer fires; Stop before that prevents it.
package main

import (
	"fmt"
	"time"
)

func main() {
	fmt.Println("start")
	done := make(chan bool)
	time.AfterFunc(10*time.Millisecond, func() {
		fmt.Println("timer fired")
		done <- true
	})
	t := time.AfterFunc(time.Hour, func() {
		fmt.Println("never printed")
	})
	fmt.Println("stopped:", t.Stop())
	<-done
	fmt.Println("end")
}
