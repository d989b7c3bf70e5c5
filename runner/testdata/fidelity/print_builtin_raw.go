// The builtin print adds no spaces and no newline; like println it writes to standard error.
package main

import "fmt"

func main() {
	n := 3
	ratio := 2.0 / 3
	fmt.Println("start")
	for i := 0; i < n; i++ {
		print(i, ",")
	}
	print("ratio=", ratio, " ok=", ratio < 1, "\n")
	fmt.Println("done")
}
