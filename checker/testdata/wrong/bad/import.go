// A forbidden import: a compile error that names the allowed packages.
// want: import "os/exec" is not allowed
package main

import (
	"fmt"
	"os/exec"
)

func main() {
	fmt.Println(exec.Command("ls").Run())
}
