// Reading the empty standard input gives io.EOF, which errors.Is and == recognise.
package main

import (
	"errors"
	"fmt"
	"io"
	"os"
)

func main() {
	buf := make([]byte, 8)
	n, err := os.Stdin.Read(buf)
	fmt.Println(n, err, err == io.EOF, errors.Is(err, io.EOF))
	all, err := io.ReadAll(os.Stdin)
	fmt.Println(len(all), err)
	wrapped := fmt.Errorf("reading: %w", io.EOF)
	fmt.Println(wrapped, errors.Is(wrapped, io.EOF))
	fmt.Println(io.ErrUnexpectedEOF)
}
