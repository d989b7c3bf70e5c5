// Two goroutines update one field of a shared struct.
package main

import (
	"fmt"
	"sync"
)

type stats struct {
	name  string
	count int
}

func main() {
	s := &stats{name: "visits"}
	var wg sync.WaitGroup
	for range 2 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			s.count++
		}()
	}
	wg.Wait()
	fmt.Println(s.name, s.count > 0)
}
