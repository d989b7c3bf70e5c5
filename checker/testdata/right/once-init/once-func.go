// sync.OnceFunc wraps loadConfig once for all requests.
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

var loadOnce = sync.OnceFunc(loadConfig)

func handle(id int) {
	loadOnce()
	fmt.Println("request", id, "->", config["greeting"])
}

func main() {
	var wg sync.WaitGroup
	for i := 1; i <= 3; i++ {
		wg.Go(func() { handle(i) })
	}
	wg.Wait()
}
