// os.Exit with a status: not a normal end.
// want: os.Exit(3)
// want: The program called os.Exit with a non-zero status
package main

import "os"

func main() {
	os.Exit(3)
}
