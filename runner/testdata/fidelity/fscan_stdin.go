// fmt.Fscan on os.Stdin with no input reads nothing and reports EOF.
package main

import (
	"fmt"
	"os"
)

func main() {
	var n int
	var s string
	k, err := fmt.Fscan(os.Stdin, &n, &s)
	fmt.Println(k, err, n, s == "")
	k, err = fmt.Fscanln(os.Stdin, &n)
	fmt.Println(k, err)
	k, err = fmt.Fscanf(os.Stdin, "%d", &n)
	fmt.Println(k, err)
}
