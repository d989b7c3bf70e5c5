// Named stage functions, started with go, given their channels.
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

func fetchAll(out chan<- string) {
	for i := range len(words) {
		out <- fetch(i)
	}
	close(out)
}

func shoutAll(in <-chan string, out chan<- string) {
	for w := range in {
		out <- shout(w)
	}
	close(out)
}

func main() {
	fetched, shouted := make(chan string), make(chan string)
	go fetchAll(fetched)
	go shoutAll(fetched, shouted)
	for s := range shouted {
		fmt.Println(s)
	}
}
