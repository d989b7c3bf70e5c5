// The same program with a *sync.WaitGroup: Done counts down main's WaitGroup and Wait returns.
package main

import (
	"fmt"
	"sync"
)

func worker(id int, wg *sync.WaitGroup) {
	defer wg.Done()
	fmt.Println("worker", id)
}

func main() {
	fmt.Println("start")
	var wg sync.WaitGroup
	for i := range 3 {
		wg.Add(1)
		go worker(i, &wg)
	}
	wg.Wait()
	fmt.Println("done")
}
