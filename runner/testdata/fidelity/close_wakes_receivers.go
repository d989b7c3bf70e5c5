// close readies all parked receivers; they run first waiter first, then the others in reverse order.
package main

import (
	"fmt"
	"runtime"
	"sync"
)

func main() {
	fmt.Println("start")
	ch := make(chan int)
	var wg sync.WaitGroup
	for i := 0; i < 4; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			fmt.Println("r", i, "waiting")
			v, ok := <-ch
			fmt.Println("r", i, "woke", v, ok)
		}()
	}
	runtime.Gosched() // all receivers park: recvq = [r3 r0 r1 r2]
	fmt.Println("closing")
	close(ch)
	wg.Wait()
	fmt.Println("end")
}
