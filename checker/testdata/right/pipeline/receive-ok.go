// main receives with the comma-ok form instead of range.
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
		defer close(fetched)
		for i := range len(words) {
			fetched <- fetch(i)
		}
	}()
	shouted := make(chan string)
	go func() {
		defer close(shouted)
		for {
			w, ok := <-fetched
			if !ok {
				return
			}
			shouted <- shout(w)
		}
	}()
	for {
		s, ok := <-shouted
		if !ok {
			break
		}
		fmt.Println(s)
	}
}
