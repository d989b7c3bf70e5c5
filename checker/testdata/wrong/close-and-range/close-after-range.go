// close(nums) after the range loop: the loop never ends, so it never
// runs.
// fails: ends-normally
// real: exit
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
	for n := range nums {
		sum += n
	}
	close(nums)
	fmt.Println("sum:", sum)
}
