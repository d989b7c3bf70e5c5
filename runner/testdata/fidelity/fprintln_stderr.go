// fmt.Fprintln(os.Stderr, ...) writes to standard error, Println to standard output.
package main

import (
	"fmt"
	"os"
)

func main() {
	fmt.Println("to stdout")
	n, err := fmt.Fprintln(os.Stderr, "to stderr", 42)
	fmt.Println(n, err)
	fmt.Fprint(os.Stderr, "no newline\n")
	fmt.Fprintf(os.Stderr, "%s %d\n", "formatted", 7)
	fmt.Println("done")
}
