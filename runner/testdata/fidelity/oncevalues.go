// sync.OnceValues caches a value and an error; a panic in the function repeats on each call.
package main

import (
	"errors"
	"fmt"
	"sync"
)

func main() {
	open := sync.OnceValues(func() (int, error) {
		fmt.Println("opening")
		return 0, errors.New("no such device")
	})
	for range 2 {
		fd, err := open()
		fmt.Println(fd, err)
	}
	bad := sync.OnceValue(func() int { panic("cannot compute") })
	for range 2 {
		func() {
			defer func() { fmt.Println("recovered:", recover()) }()
			fmt.Println(bad())
		}()
	}
}
