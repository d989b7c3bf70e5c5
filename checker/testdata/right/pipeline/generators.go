// Each stage is a function that starts its goroutine and returns its
// output channel.
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

func fetcher() <-chan string {
	out := make(chan string)
	go func() {
		defer close(out)
		for i := range words {
			out <- fetch(i)
		}
	}()
	return out
}

func shouter(in <-chan string) <-chan string {
	out := make(chan string)
	go func() {
		defer close(out)
		for w := range in {
			out <- shout(w)
		}
	}()
	return out
}

func main() {
	for s := range shouter(fetcher()) {
		fmt.Println(s)
	}
}
