// A call-free loop is preempted asynchronously after a 10ms slice, so another goroutine prints first.
package main

import (
	"fmt"
	"sync"
)

var sink int

func main() {
	fmt.Println("start")
	var wg sync.WaitGroup
	wg.Add(2)
	go func() {
		defer wg.Done()
		fmt.Println("printer ran")
	}()
	go func() {
		defer wg.Done()
		x := 0
		// Eight statements a turn: the loop runs some 40 ms, well past
		// sysmon's 10 ms slice even when sysmon sleeps its longest, with
		// few back-edges (the interpreter's cost is per turn).
		for i := 0; i < 8_000_000; i++ {
			x += i & 3
			x ^= i
			x += i >> 3
			x -= i & 7
			x += i & 1
			x ^= i << 1
			x += i & 9
			x -= i >> 5
		}
		sink = x
		fmt.Println("spinner finished")
	}()
	wg.Wait()
	fmt.Println("end")
}
