// Four go statements and nothing else: main returns at once.
// want: main returned before the fetches finished: only `took 0s` was printed
// want: The run ended before the longest fetch (400ms) could finish
// fails: output no-leak
// real: output
package main

import (
	"fmt"
	"time"
)

// fetch stands for a request that mostly waits.
func fetch(name string, d time.Duration) {
	time.Sleep(d)
	fmt.Println(name, "done")
}

func main() {
	start := time.Now()
	go fetch("A", 100*time.Millisecond)
	go fetch("B", 200*time.Millisecond)
	go fetch("C", 300*time.Millisecond)
	go fetch("D", 400*time.Millisecond)
	fmt.Println("took", time.Since(start).Truncate(100*time.Millisecond))
}
