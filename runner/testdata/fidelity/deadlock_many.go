// Several goroutines blocked at once: the deadlock report lists main, then the others by id (7, 8, 9, 10).
package main

import (
	"fmt"
	"sync"
)

func main() {
	fmt.Println("start")
	var mu sync.Mutex
	var wg sync.WaitGroup
	recv := make(chan int)
	send := make(chan int)
	mu.Lock()
	wg.Add(1)
	go func() { <-recv }()
	go func() { send <- 1 }()
	go func() { mu.Lock() }()
	go func() {
		var nilch chan bool
		<-nilch
	}()
	fmt.Println("main waits")
	wg.Wait()
}
