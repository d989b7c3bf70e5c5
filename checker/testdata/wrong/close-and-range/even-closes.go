// The even producer closes nums when it is done, guessing it finishes
// last: when the odd one still has numbers to send, they are lost, or it
// panics sending on the closed channel.
// fails: output
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
			if first == 2 {
				close(nums) // 10 is the last number
			}
		}()
	}
	sum := 0
	for n := range nums {
		sum += n
	}
	fmt.Println("sum:", sum)
}
