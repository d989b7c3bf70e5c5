// Two goroutines add to a counter without synchronisation; the program
// says whether updates were lost, not how many (that varies too much).
package main

import (
	"fmt"
	"sync"
)

func main() {
	counter := 0
	var wg sync.WaitGroup
	for range 2 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for range 100_000 {
				counter++
			}
		}()
	}
	wg.Wait()
	fmt.Println("all counted:", counter == 200_000)
}
