//go:build ignore

// Reference solution of the exercise pipeline (lesson 11): fetch and shout
// run as stages of their own, connected by channels, so that the next word
// is fetched while the previous one is being shouted.
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
	go func() { // stage 1: fetch every word
		for i := range len(words) {
			fetched <- fetch(i)
		}
		close(fetched)
	}()
	shouted := make(chan string)
	go func() { // stage 2: shout each fetched word
		for w := range fetched {
			shouted <- shout(w)
		}
		close(shouted)
	}()
	for s := range shouted { // stage 3: print
		fmt.Println(s)
	}
}
