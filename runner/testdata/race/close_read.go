// close happens before a receive that sees it: main reads what the
// goroutine wrote before closing.
package main

import "fmt"

func main() {
	var msg string
	done := make(chan struct{})
	go func() {
		msg = "finished"
		close(done)
	}()
	<-done
	fmt.Println(msg)
}
