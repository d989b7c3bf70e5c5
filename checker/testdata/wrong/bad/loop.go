// An infinite loop: stopped by the steps limit (or, on a slow machine, the
// wall-clock limit: both say so).
// want: Is there an infinite loop?
package main

func main() {
	n := 0
	for {
		n++
	}
}
