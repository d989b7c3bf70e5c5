// Runs the scenario with WaitGroup.Go instead of go statements.
// fails: avoids-import-sync
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
		wg.Go(func() { fmt.Println(i) })
	}
	runtime.Gosched()
	for i := 3; i < 6; i++ {
		wg.Go(func() { fmt.Println(i) })
	}
	wg.Wait()
}
