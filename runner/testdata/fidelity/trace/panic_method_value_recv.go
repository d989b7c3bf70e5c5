// A goroutine running a method: main.(*server).serve is both frame and goroutine function.
package main

import (
	"fmt"
	"sync"
)

type server struct{ handlers map[string]func() }

func (s *server) serve(path string, wg *sync.WaitGroup) {
	defer wg.Done()
	s.handlers[path]()
}

func main() {
	fmt.Println("start")
	s := &server{handlers: map[string]func(){"/": func() { fmt.Println("root") }}}
	var wg sync.WaitGroup
	wg.Add(2)
	go s.serve("/", &wg)
	go s.serve("/missing", &wg)
	wg.Wait()
}
