// Two goroutines write different fields of one struct: different memory,
// race-free.
package main

import (
	"fmt"
	"sync"
)

type pair struct{ a, b int }

func main() {
	var p pair
	var wg sync.WaitGroup
	wg.Add(2)
	go func() { defer wg.Done(); p.a = 1 }()
	go func() { defer wg.Done(); p.b = 2 }()
	wg.Wait()
	fmt.Println(p)
}
