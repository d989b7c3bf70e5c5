// runtime.Goexit in main lets other goroutines finish, then: "no goroutines (main called runtime.Goexit) - deadlock!".
package main

import (
	"fmt"
	"runtime"
)

func main() {
	fmt.Println("start")
	go func() {
		fmt.Println("goroutine still runs")
	}()
	defer fmt.Println("main's defer runs")
	runtime.Goexit()
	fmt.Println("unreachable")
}
