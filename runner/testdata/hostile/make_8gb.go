// sandbox: 8 GB at once is more than the sandbox's memory; gc would try (and fail only on a machine without it).
package main

import "fmt"

func main() {
	n := 8 << 30
	b := make([]byte, n)
	fmt.Println(len(b))
}
