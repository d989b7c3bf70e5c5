// An empty select blocks forever; once the other goroutine ends: deadlock with "[select (no cases)]".
package main

import "fmt"

func main() {
	fmt.Println("start")
	go func() {
		fmt.Println("goroutine runs and exits")
	}()
	fmt.Println("main blocks in select {}")
	select {}
}
