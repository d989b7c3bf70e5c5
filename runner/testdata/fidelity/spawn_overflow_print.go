// 300 spawns overflow the 256-slot runq: [0..127, 256] go global, one picked each 61 ticks, rest FIFO at the end.
package main

import (
	"fmt"
	"runtime"
	"sync"
)

// alignTick leaves the P's schedtick at 0 mod 61, whatever phase runtime
// start-up left it in (that phase varies by one from run to run). While main
// waits in the global queue, fillers run until the schedtick%61 fairness
// check picks main; the number that ran tells main how many Goscheds (one
// tick each) bring the phase to 0.
func alignTick() {
	const fillers = 64
	var wg sync.WaitGroup
	ran := 0
	for range fillers {
		wg.Add(1)
		go func() { ran++; wg.Done() }()
	}
	runtime.Gosched()
	n := ran
	wg.Wait()
	for range (61 - (fillers-n+1)%61) % 61 {
		runtime.Gosched()
	}
}

func main() {
	fmt.Println("start")
	alignTick()
	var wg sync.WaitGroup
	for i := 0; i < 300; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			fmt.Println(i)
		}()
	}
	wg.Wait()
	fmt.Println("end")
}
