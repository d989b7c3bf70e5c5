// With GOMAXPROCS=4 in the environment the program has four Ps; NumGoroutine still counts user goroutines.
package main

import (
	"fmt"
	"runtime"
	"sync"
)

func main() {
	fmt.Println("start")
	fmt.Println("GOMAXPROCS:", runtime.GOMAXPROCS(0))
	var wg sync.WaitGroup
	release := make(chan bool)
	for i := 0; i < 4; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			<-release
		}()
	}
	fmt.Println("goroutines:", runtime.NumGoroutine())
	close(release)
	wg.Wait()
	fmt.Println("done")
}
