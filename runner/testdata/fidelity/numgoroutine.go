// runtime.NumGoroutine counts user goroutines only (runtime goroutines excluded), including blocked ones.
package main

import (
	"fmt"
	"runtime"
)

func main() {
	fmt.Println("start")
	fmt.Println("at start:", runtime.NumGoroutine())
	block := make(chan bool)
	done := make(chan bool)
	for i := 0; i < 5; i++ {
		go func() {
			<-block
			done <- true
		}()
	}
	fmt.Println("after spawning 5:", runtime.NumGoroutine())
	close(block)
	for i := 0; i < 5; i++ {
		<-done
	}
	runtime.Gosched()
	fmt.Println("after they exit:", runtime.NumGoroutine())
}
