// Each producer says it is done on a channel; a closer goroutine waits
// for both, then closes nums.
package main

import "fmt"

func main() {
	nums := make(chan int)
	done := make(chan bool)
	for _, first := range []int{1, 2} {
		go func() {
			for n := first; n <= 10; n += 2 {
				nums <- n
			}
			done <- true
		}()
	}
	go func() {
		<-done
		<-done
		close(nums)
	}()
	sum := 0
	for n := range nums {
		sum += n
	}
	fmt.Println("sum:", sum)
}
