// Each query waits in a goroutine of its own: the lines come out in the
// order the queries finish, not in the order of the ids.
// fails: output
// real: output
package main

import (
	"fmt"
	"sync"
	"time"
)

// query stands for a database query that takes d to answer.
func query(id int, d time.Duration) <-chan string {
	ch := make(chan string, 1)
	go func() {
		time.Sleep(d)
		ch <- fmt.Sprint("query ", id, ": answer")
	}()
	return ch
}

func main() {
	delays := []time.Duration{50 * time.Millisecond, 2 * time.Second, 100 * time.Millisecond}
	var wg sync.WaitGroup
	for id, d := range delays {
		wg.Add(1)
		go func() {
			defer wg.Done()
			select {
			case answer := <-query(id, d):
				fmt.Println(answer)
			case <-time.After(300 * time.Millisecond):
				fmt.Println("query", id, "timed out")
			}
		}()
	}
	wg.Wait()
}
