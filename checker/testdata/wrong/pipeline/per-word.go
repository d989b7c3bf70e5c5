// One goroutine per word: fan-out, not a pipeline.
// want: fetch and shout run in the same goroutine, once per word or one after the other
// fails: stages-apart
// real: output
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
	out := make(chan string)
	for i := range len(words) {
		go func() { out <- shout(fetch(i)) }()
	}
	for range len(words) {
		fmt.Println(<-out)
	}
}
