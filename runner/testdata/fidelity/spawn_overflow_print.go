// 300 spawns overflow the 256-slot runq: [0..127, 256] go global, one picked each 61 ticks, rest FIFO at the end.
package main

import (
	"fmt"
	"runtime"
	"sync"
)

// prepare first runs 300 goroutines to completion, so that main's loop
// reuses their Gs and stacks: allocating fresh ones can take over 10 ms on a
// loaded machine, and sysmon would preempt main in the middle of the loop.
// Then it leaves the P's schedtick at 0 mod 61, whatever phase runtime
// start-up left (it varies by one from run to run): while main waits in the
// global queue, fillers run until the schedtick%61 fairness check picks main;
// the number that ran tells how many Goscheds (one tick each) reach phase 0.
func prepare() {
	var wg sync.WaitGroup
	for range 300 {
		wg.Add(1)
		go wg.Done()
	}
	wg.Wait()
	const fillers = 64
	ran := 0
	for range fillers {
		wg.Add(1)
		go func() { ran++; wg.Done() }()
	}
	runtime.Gosched()
	n := max(ran, 1) // 0: main was picked first and the runnext filler takes no tick
	wg.Wait()
	for range (61 - (fillers-n+1)%61) % 61 {
		runtime.Gosched()
	}
}

func main() {
	fmt.Println("start")
	prepare()
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
