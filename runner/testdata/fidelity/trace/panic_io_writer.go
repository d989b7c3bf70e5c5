// A panic inside a learner's io.Writer called by fmt.Fprintf lists the Write method's frame.
package main

import (
	"fmt"
	"io"
)

type limited struct{ left int }

func (l *limited) Write(p []byte) (int, error) {
	if len(p) > l.left {
		panic("write too large")
	}
	l.left -= len(p)
	return len(p), nil
}

func emit(w io.Writer) {
	for i := range 3 {
		fmt.Fprintf(w, "line %d\n", i)
	}
}

func main() {
	fmt.Println("start")
	emit(&limited{left: 10})
}
