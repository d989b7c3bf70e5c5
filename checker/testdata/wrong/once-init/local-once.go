// A sync.Once declared inside handle: each request gets a new one.
// want: each call of handle creates its own sync.Once
// fails: avoids-local-sync.Once
// real: output
package main

import (
	"fmt"
	"sync"
	"time"
)

var config map[string]string

// loadConfig stands for reading a configuration file: slow, and it should
// happen only once.
func loadConfig() {
	fmt.Println("loading config")
	time.Sleep(50 * time.Millisecond)
	config = map[string]string{"greeting": "hello"}
}

func handle(id int) {
	var once sync.Once
	once.Do(loadConfig)
	fmt.Println("request", id, "->", config["greeting"])
}

func main() {
	var wg sync.WaitGroup
	for i := 1; i <= 3; i++ {
		wg.Go(func() { handle(i) })
	}
	wg.Wait()
}
