// Each producer closes nums when it is done.
// want: nums was closed while a producer was still sending
// fails: output
// real: exit
package main

import "fmt"

func main() {
	nums := make(chan int)
	for _, first := range []int{1, 2} {
		go func() {
			defer close(nums)
			for n := first; n <= 10; n += 2 {
				nums <- n
			}
		}()
	}
	sum := 0
	for n := range nums {
		sum += n
	}
	fmt.Println("sum:", sum)
}
