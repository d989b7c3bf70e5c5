// default instead of a timer: nothing waits.
// want: Every query timed out immediately: default does not wait at all
// fails: avoids-select-default
// real: output
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
		select {
		case answer := <-query(id, d):
			fmt.Println(answer)
		default:
			fmt.Println("query", id, "timed out")
		}
	}
}
