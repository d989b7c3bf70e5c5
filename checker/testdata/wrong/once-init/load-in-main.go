// main loads the config before starting the requests: not lazy.
// want: main loads the config before starting the requests
// fails: avoids-call-loadConfig-in-main
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
	fmt.Println("request", id, "->", config["greeting"])
}

func main() {
	loadConfig()
	var wg sync.WaitGroup
	for i := 1; i <= 3; i++ {
		wg.Go(func() { handle(i) })
	}
	wg.Wait()
}
