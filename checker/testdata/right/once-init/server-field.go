// The Once is a field of a server that all requests share.
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

type server struct {
	once sync.Once
}

func (s *server) handle(id int) {
	s.once.Do(loadConfig)
	fmt.Println("request", id, "->", config["greeting"])
}

func main() {
	s := &server{}
	var wg sync.WaitGroup
	for i := 1; i <= 3; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			s.handle(i)
		}()
	}
	wg.Wait()
}
