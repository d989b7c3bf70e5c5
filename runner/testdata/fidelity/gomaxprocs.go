// runtime.GOMAXPROCS(0) reports the number of Ps (1 here, from the GOMAXPROCS environment variable).
package main

import (
	"fmt"
	"runtime"
)

func main() {
	fmt.Println("start")
	fmt.Println("GOMAXPROCS:", runtime.GOMAXPROCS(0))
	prev := runtime.GOMAXPROCS(1)
	fmt.Println("previous:", prev, "now:", runtime.GOMAXPROCS(0))
	done := make(chan int)
	go func() { done <- runtime.GOMAXPROCS(0) }()
	fmt.Println("seen by a goroutine:", <-done)
}
