// io.MultiWriter copies each write to os.Stdout and to a strings.Builder.
package main

import (
	"fmt"
	"io"
	"os"
	"strings"
)

func main() {
	var sb strings.Builder
	w := io.MultiWriter(os.Stdout, &sb)
	fmt.Fprintln(w, "first line")
	fmt.Fprintf(w, "%d + %d = %d\n", 2, 3, 5)
	fmt.Println("builder holds", sb.Len(), "bytes")
	fmt.Print(sb.String())
	n, err := io.Copy(os.Stdout, strings.NewReader("copied\n"))
	fmt.Println(n, err)
}
