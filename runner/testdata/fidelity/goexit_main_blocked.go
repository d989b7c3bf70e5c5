// If main calls runtime.Goexit while another goroutine stays blocked, the fatal error is the usual deadlock.
package main

import (
	"fmt"
	"runtime"
)

func main() {
	fmt.Println("start")
	ch := make(chan int)
	go func() {
		fmt.Println("goroutine waits forever")
		<-ch
	}()
	fmt.Println("main calls Goexit")
	runtime.Goexit()
}
