// Waiting on a WaitGroup whose counter never reaches zero: deadlock with "[sync.WaitGroup.Wait]".
package main

import (
	"fmt"
	"sync"
)

func main() {
	fmt.Println("start")
	var wg sync.WaitGroup
	wg.Add(2)
	go func() {
		defer wg.Done()
		fmt.Println("only one Done")
	}()
	wg.Wait()
	fmt.Println("unreachable")
}
