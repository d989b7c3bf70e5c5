// A sleeping goroutine (pending timer) postpones deadlock detection until it has finished.
package main

import (
	"fmt"
	"time"
)

func main() {
	fmt.Println("start")
	ch := make(chan int)
	go func() {
		time.Sleep(20 * time.Millisecond)
		fmt.Println("sleeper woke and exits")
	}()
	fmt.Println("main blocks")
	<-ch
}
