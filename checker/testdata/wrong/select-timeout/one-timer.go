// One timer for the whole loop, made before it.
// want: The timeout is created once, before the loop
// fails: avoids-timer-before-loop
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
	timeout := time.After(300 * time.Millisecond)
	for id, d := range delays {
		select {
		case answer := <-query(id, d):
			fmt.Println(answer)
		case <-timeout:
			fmt.Println("query", id, "timed out")
		}
	}
}
