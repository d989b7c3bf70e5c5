// Command gotour-gpm is an interactive course on Go concurrency and the
// G-P-M scheduler. All of its logic lives in internal/cli.
package main

import (
	"os"

	"github.com/gotour-gpm/gotour-gpm/internal/cli"
)

func main() {
	os.Exit(cli.Main(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}
