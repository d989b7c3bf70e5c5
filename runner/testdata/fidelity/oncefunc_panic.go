// A sync.OnceFunc whose function panicked panics again, with the same value, on every later call.
package main

import (
	"fmt"
	"sync"
)

func call(f func()) {
	defer func() { fmt.Println("recovered:", recover()) }()
	f()
}

func main() {
	calls := 0
	f := sync.OnceFunc(func() {
		calls++
		panic(fmt.Sprintf("failed on call %d", calls))
	})
	call(f)
	call(f)
	call(f)
	fmt.Println("ran", calls, "time(s)")
}
