// One Ticker for the whole loop: a query's deadline is the next tick, not
// 300 ms after it was asked. With these delays the output happens to be
// right; with others it is not.
// fails: computes-output
// real: clean
package main

import (
	"fmt"
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
	tick := time.NewTicker(300 * time.Millisecond)
	defer tick.Stop()
	for id, d := range delays {
		select {
		case answer := <-query(id, d):
			fmt.Println(answer)
		case <-tick.C:
			fmt.Println("query", id, "timed out")
		}
	}
}
