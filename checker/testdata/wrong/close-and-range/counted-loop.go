// A fixed number of receives instead of range, and no close.
// want: Keep main's for ... range nums loop
// fails: uses-range-nums-in-main closes-once
// real: clean
package main

import "fmt"

func main() {
	nums := make(chan int)
	for _, first := range []int{1, 2} {
		go func() {
			for n := first; n <= 10; n += 2 {
				nums <- n
			}
		}()
	}
	sum := 0
	for i := 0; i < 10; i++ {
		sum += <-nums
	}
	fmt.Println("sum:", sum)
}
