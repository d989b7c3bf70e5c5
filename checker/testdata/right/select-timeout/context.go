// A context with a 300 ms timeout for each query.
package main

import (
	"context"
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
		ctx, cancel := context.WithTimeout(context.Background(), 300*time.Millisecond)
		select {
		case answer := <-query(id, d):
			fmt.Println(answer)
		case <-ctx.Done():
			fmt.Println("query", id, "timed out")
		}
		cancel()
	}
}
