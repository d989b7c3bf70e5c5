// Writes to os.Stderr through fmt and through the File's methods all reach standard error.
package main

import (
	"fmt"
	"io"
	"os"
)

func logTo(w io.Writer, msg string) {
	fmt.Fprintf(w, "[log] %s\n", msg)
}

func main() {
	logTo(os.Stderr, "starting")
	fmt.Println("working")
	logTo(os.Stdout, "visible on stdout")
	os.Stderr.WriteString("raw stderr\n")
	n, err := os.Stderr.Write([]byte("bytes\n"))
	fmt.Println(n, err, os.Stdout.Name(), os.Stderr.Name())
}
