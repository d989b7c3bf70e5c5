// Buffered channels between the stages.
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
	fetched := make(chan string, len(words))
	shouted := make(chan string, len(words))
	go func() {
		for i := 0; i < len(words); i++ {
			fetched <- fetch(i)
		}
		close(fetched)
	}()
	go func() {
		for w := range fetched {
			shouted <- shout(w)
		}
		close(shouted)
	}()
	for s := range shouted {
		fmt.Println(s)
	}
}
