// Sleeps 300 ms, then looks without waiting: every query costs 300 ms.
// fails: avoids-select-default virtual-time
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
	for id, d := range delays {
		ch := query(id, d)
		time.Sleep(300 * time.Millisecond)
		select {
		case answer := <-ch:
			fmt.Println(answer)
		default:
			fmt.Println("query", id, "timed out")
		}
	}
}
