// runnext understood, but Gosched treated as doing nothing.
// want: The first three numbers are wrong. runtime.Gosched() gives up the P
// fails: prediction
// real: output
package main

import "fmt"

func main() {
	for _, n := range []int{5, 0, 1, 2, 3, 4} {
		fmt.Println(n)
	}
}
