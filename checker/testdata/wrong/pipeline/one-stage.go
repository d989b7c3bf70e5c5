// One goroutine fetches and shouts: two stages, not three.
// fails: stages-apart virtual-time
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
	shouted := make(chan string)
	go func() {
		for i := range len(words) {
			shouted <- shout(fetch(i))
		}
		close(shouted)
	}()
	for s := range shouted {
		fmt.Println(s)
	}
}
