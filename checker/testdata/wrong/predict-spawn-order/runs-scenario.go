// Runs the scenario instead of predicting it.
// want: Your program should only print your prediction; it must not start goroutines.
// fails: avoids-go-statement
// real: clean
package main

import (
	"fmt"
	"runtime"
	"sync"
)

func main() {
	var wg sync.WaitGroup
	for i := 0; i < 3; i++ {
		wg.Add(1)
		go func() { defer wg.Done(); fmt.Println(i) }()
	}
	runtime.Gosched()
	for i := 3; i < 6; i++ {
		wg.Add(1)
		go func() { defer wg.Done(); fmt.Println(i) }()
	}
	wg.Wait()
}
