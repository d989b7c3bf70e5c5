// runtime.Goexit ends only the calling goroutine, after running its deferred calls.
package main

import (
	"fmt"
	"runtime"
)

func main() {
	fmt.Println("start")
	done := make(chan bool)
	go func() {
		defer close(done)
		defer fmt.Println("deferred in goroutine")
		func() {
			runtime.Goexit()
		}()
		fmt.Println("unreachable")
	}()
	<-done
	fmt.Println("main continues")
}
