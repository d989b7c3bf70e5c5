//go:build ignore

// Reference solution of the exercise once-init (lesson 12): sync.Once runs
// loadConfig for the first request only; the others wait until it has
// finished, then use the same config.
package main

import (
	"fmt"
	"sync"
	"time"
)

var (
	config     map[string]string
	configOnce sync.Once
)

// loadConfig stands for reading a configuration file: slow, and it should
// happen only once.
func loadConfig() {
	fmt.Println("loading config")
	time.Sleep(50 * time.Millisecond)
	config = map[string]string{"greeting": "hello"}
}

func handle(id int) {
	configOnce.Do(loadConfig) // the first caller loads; the others wait for it
	fmt.Println("request", id, "->", config["greeting"])
}

func main() {
	var wg sync.WaitGroup
	for i := 1; i <= 3; i++ {
		wg.Go(func() { handle(i) })
	}
	wg.Wait()
}
