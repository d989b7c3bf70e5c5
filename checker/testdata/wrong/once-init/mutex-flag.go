// A mutex and a flag: loads once and makes the others wait, but it is not
// the sync.Once the task asks for.
// fails: uses-sync.Once
// real: clean
package main

import (
	"fmt"
	"sync"
	"time"
)

var (
	config map[string]string
	mu     sync.Mutex
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
	mu.Lock()
	if !loaded {
		loadConfig()
		loaded = true
	}
	mu.Unlock()
	fmt.Println("request", id, "->", config["greeting"])
}

func main() {
	var wg sync.WaitGroup
	for i := 1; i <= 3; i++ {
		wg.Go(func() { handle(i) })
	}
	wg.Wait()
}
