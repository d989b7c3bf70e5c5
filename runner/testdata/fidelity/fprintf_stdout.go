// fmt.Fprintf(os.Stdout, ...) and os.Stdout.WriteString write to standard output in order.
package main

import (
	"fmt"
	"os"
)

func main() {
	fmt.Fprintf(os.Stdout, "%-5s|%5d|\n", "ab", 12)
	fmt.Println("between")
	n, err := os.Stdout.WriteString("written\n")
	fmt.Fprintln(os.Stdout, n, err)
	os.Stdout.Write([]byte("bytes\n"))
	fmt.Fprint(os.Stdout, "x", 1, 2, "y\n")
}
