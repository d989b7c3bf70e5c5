// Stage 2 never closes its output: main's range waits for a fifth word.
// want: Deadlock after the last word: a stage did not close its output channel
// fails: ends-normally
// real: exit
package main

import (
	"fmt"
	"strings"
	"time"
)

var words = []string{"go", "channels", "are", "pipes"}

// fetch stands for reading one word from a slow source: 20 ms each.
func fetch(i int) string {
	time.Sleep(20 * time.Millisecond)
	return words[i]
}

// shout stands for slow processing: 20 ms each.
func shout(w string) string {
	time.Sleep(20 * time.Millisecond)
	return strings.ToUpper(w) + "!"
}

func main() {
	fetched := make(chan string)
	go func() {
		for i := range len(words) {
			fetched <- fetch(i)
		}
		close(fetched)
	}()
	shouted := make(chan string)
	go func() {
		for w := range fetched {
			shouted <- shout(w)
		}
	}()
	for s := range shouted {
		fmt.Println(s)
	}
}
