// The first stage fetches every word before it sends any: the stages do
// not overlap.
// fails: virtual-time
// real: clean
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
		var all []string
		for i := range len(words) {
			all = append(all, fetch(i))
		}
		for _, w := range all {
			fetched <- w
		}
		close(fetched)
	}()
	shouted := make(chan string)
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
