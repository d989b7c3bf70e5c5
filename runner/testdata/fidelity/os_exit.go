// os.Exit ends the program at once with its status: deferred calls and other goroutines never run.
package main

import (
	"fmt"
	"os"
)

func main() {
	fmt.Println("start")
	defer fmt.Println("deferred: never printed")
	go func() {
		fmt.Println("goroutine: never printed")
	}()
	fmt.Println("exiting with 3")
	os.Exit(3)
}
