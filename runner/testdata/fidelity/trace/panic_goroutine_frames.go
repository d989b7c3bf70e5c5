// A goroutine's panic shows its frames and the go statement that created it.
package main

import (
	"fmt"
	"time"
)

func check(id int) {
	if id == 2 {
		panic(fmt.Sprintf("worker %d failed", id))
	}
}

func worker(id int) {
	fmt.Println("worker", id)
	check(id)
}

func main() {
	fmt.Println("start")
	for i := range 3 {
		go worker(i)
	}
	time.Sleep(time.Second)
	fmt.Println("not reached")
}
