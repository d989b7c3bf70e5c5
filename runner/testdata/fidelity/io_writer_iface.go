// A learner's type implementing io.Writer receives what fmt.Fprintf formats.
package main

import (
	"fmt"
	"io"
	"strings"
)

type upper struct{ n int }

func (u *upper) Write(p []byte) (int, error) {
	u.n += len(p)
	fmt.Print(strings.ToUpper(string(p)))
	return len(p), nil
}

func report(w io.Writer, name string, v int) {
	fmt.Fprintf(w, "%s=%d\n", name, v)
}

func main() {
	u := &upper{}
	report(u, "count", 3)
	io.WriteString(u, "hello\n")
	var w io.Writer = u
	fmt.Fprintln(w, "via interface")
	fmt.Println(u.n)
}
