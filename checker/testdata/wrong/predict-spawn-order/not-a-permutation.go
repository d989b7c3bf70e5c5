// Seven numbers, one twice.
// want: Your prediction must be the numbers 0 1 2 3 4 5, each exactly once
// fails: prediction
// real: output
package main

import "fmt"

func main() {
	fmt.Println(2, 0, 1, 5, 3, 4, 4)
}
