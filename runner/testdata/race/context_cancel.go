// A goroutine records its progress, then main cancels it and waits until
// it has stopped: closing the stopped channel orders the last write
// before main's read.
package main

import (
	"context"
	"fmt"
)

func main() {
	ctx, cancel := context.WithCancel(context.Background())
	steps := 0
	stopped := make(chan struct{})
	started := make(chan struct{})
	go func() {
		defer close(stopped)
		steps++
		close(started)
		<-ctx.Done()
		steps++
	}()
	<-started
	cancel()
	<-stopped
	fmt.Println(steps)
}
