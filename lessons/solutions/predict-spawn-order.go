//go:build ignore

// Reference solution of the exercise predict-spawn-order (lesson 6).
//
// With one P: goroutines 0, 1 and 2 are created (2 in runnext, 0 and 1 in
// the local queue, behind the runtime's G5 and G6); Gosched puts main at the
// tail of the global queue; the P runs runnext (2), then the local queue
// (G5, G6, 0, 1); with the local queue empty it takes main from the global
// queue; main creates 3, 4 and 5 (5 in runnext, 3 and 4 in the local queue)
// and parks in wg.Wait; the P runs 5, then 3 and 4.
package main

import "fmt"

func main() {
	prediction := []int{2, 0, 1, 5, 3, 4}
	for _, n := range prediction {
		fmt.Println(n)
	}
}
