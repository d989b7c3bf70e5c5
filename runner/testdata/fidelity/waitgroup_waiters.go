// When a WaitGroup reaches zero all waiters are readied through runnext: the last waiter to park runs first.
package main

import (
	"fmt"
	"runtime"
	"sync"
)

func main() {
	fmt.Println("start")
	var wg, finished sync.WaitGroup
	wg.Add(1)
	for i := 0; i < 3; i++ {
		finished.Add(1)
		go func() {
			defer finished.Done()
			fmt.Println("waiter", i, "waits")
			wg.Wait()
			fmt.Println("waiter", i, "released")
		}()
	}
	runtime.Gosched() // waiters park in order 2, 0, 1
	fmt.Println("main calls Done")
	wg.Done()
	fmt.Println("main after Done")
	finished.Wait()
	fmt.Println("end")
}
