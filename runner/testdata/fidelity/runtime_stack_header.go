// runtime.Stack and debug.Stack start with the running goroutine's header.
package main

import (
	"fmt"
	"runtime"
	"runtime/debug"
	"strings"
)

func main() {
	buf := make([]byte, 1024)
	n := runtime.Stack(buf, false)
	fmt.Println(strings.SplitN(string(buf[:n]), "\n", 2)[0])
	fmt.Println(strings.SplitN(string(debug.Stack()), "\n", 2)[0])
	done := make(chan bool)
	go func() {
		n := runtime.Stack(buf, false)
		fmt.Println(strings.SplitN(string(buf[:n]), "\n", 2)[0])
		done <- true
	}()
	<-done
}
