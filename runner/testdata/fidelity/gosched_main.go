// main calling runtime.Gosched goes to the global queue: every local goroutine runs before main resumes.
package main

import (
	"fmt"
	"runtime"
)

func main() {
	fmt.Println("start")
	for i := 0; i < 4; i++ {
		go func() {
			fmt.Println("worker", i)
		}()
	}
	fmt.Println("main yields")
	runtime.Gosched()
	fmt.Println("main resumes")
}
