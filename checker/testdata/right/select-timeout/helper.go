// A helper asks one query with a timeout and returns the line to print.
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

func ask(id int, d, timeout time.Duration) string {
	select {
	case answer := <-query(id, d):
		return answer
	case <-time.After(timeout):
		return fmt.Sprint("query ", id, " timed out")
	}
}

func main() {
	delays := []time.Duration{50 * time.Millisecond, 2 * time.Second, 100 * time.Millisecond}
	for id, d := range delays {
		fmt.Println(ask(id, d, 300*time.Millisecond))
	}
}
