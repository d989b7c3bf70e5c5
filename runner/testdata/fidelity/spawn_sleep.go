// The classic spawn loop with time.Sleep in main: goroutines run while main sleeps, 9 first.
package main

import (
	"fmt"
	"time"
)

func main() {
	fmt.Println("start")
	for i := 0; i < 10; i++ {
		go func() {
			fmt.Println(i)
		}()
	}
	time.Sleep(20 * time.Millisecond)
	fmt.Println("end")
}
