// A goroutine started by another goroutine is created by that goroutine's function.
package main

import (
	"fmt"
	"time"
)

func spawner(n int) {
	for i := range n {
		go fail(i)
	}
}

func fail(i int) {
	if i == 1 {
		panic("second child")
	}
}

func main() {
	fmt.Println("start")
	go spawner(2)
	time.Sleep(time.Second)
}
