// sandbox: a 1 TB string.
package main

import (
	"fmt"
	"strings"
)

func main() {
	s := strings.Repeat("x", 1<<40)
	fmt.Println(len(s))
}
