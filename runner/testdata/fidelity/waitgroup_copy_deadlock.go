// A WaitGroup passed by value: Done counts down the copy, so main's Wait never returns.
package main

import (
	"fmt"
	"sync"
)

func worker(id int, wg sync.WaitGroup) {
	defer wg.Done()
	fmt.Println("worker", id)
}

func main() {
	fmt.Println("start")
	var wg sync.WaitGroup
	for i := range 2 {
		wg.Add(1)
		go worker(i, wg)
	}
	wg.Wait()
	fmt.Println("done")
}
