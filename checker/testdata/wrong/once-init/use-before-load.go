// The greeting is read before the Once: the first request prints an
// empty greeting.
// fails: output-matches
// real: clean
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
	greeting := config["greeting"]
	configOnce.Do(loadConfig)
	fmt.Println("request", id, "->", greeting)
}

func main() {
	var wg sync.WaitGroup
	for i := 1; i <= 3; i++ {
		wg.Go(func() { handle(i) })
	}
	wg.Wait()
}
