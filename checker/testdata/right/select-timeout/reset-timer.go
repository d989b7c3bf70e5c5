// One timer, made once and Reset for each query.
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
	timer := time.NewTimer(0)
	<-timer.C
	for id, d := range delays {
		timer.Reset(300 * time.Millisecond)
		select {
		case answer := <-query(id, d):
			fmt.Println(answer)
			if !timer.Stop() {
				<-timer.C
			}
		case <-timer.C:
			fmt.Println("query", id, "timed out")
		}
	}
}
