// The prediction of a learner who thinks the newest goroutine always runs
// first.
// fails: prediction
// real: clean
package main

import "fmt"

func main() {
	prediction := []int{5, 4, 3, 2, 1, 0}
	for _, n := range prediction {
		fmt.Println(n)
	}
}
