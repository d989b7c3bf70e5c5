// A boolean flag: the others skip the loading while it is in progress.
// want: Some requests printed an empty greeting
// fails: uses-sync.Once
// real: race
package main

import (
	"fmt"
	"sync"
	"time"
)

var (
	config map[string]string
	loaded bool
)

// loadConfig stands for reading a configuration file: slow, and it should
// happen only once.
func loadConfig() {
	fmt.Println("loading config")
	time.Sleep(50 * time.Millisecond)
	config = map[string]string{"greeting": "hello"}
}

func handle(id int) {
	if !loaded {
		loaded = true
		loadConfig()
	}
	fmt.Println("request", id, "->", config["greeting"])
}

func main() {
	var wg sync.WaitGroup
	for i := 1; i <= 3; i++ {
		wg.Go(func() { handle(i) })
	}
	wg.Wait()
}
