// Unbounded recursion past debug.SetMaxStack: "runtime: goroutine stack exceeds 65536-byte limit", fatal.
package main

import (
	"fmt"
	"runtime"
	"runtime/debug"
)

func depth(n int) int {
	var pad [64]byte
	pad[n%64] = 1
	return depth(n+1) + int(pad[0])
}

func main() {
	fmt.Println("start")
	runtime.Gosched() // let the runtime's own goroutines park: the fatal trace lists them too
	debug.SetMaxStack(64 << 10)
	fmt.Println(depth(0))
}
