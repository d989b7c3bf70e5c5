// An integer division by zero names the function and the line of the division.
package main

import "fmt"

func average(xs []int) int {
	sum := 0
	for _, x := range xs {
		sum += x
	}
	return sum / len(xs)
}

func main() {
	fmt.Println("start")
	fmt.Println(average([]int{2, 4}) + average(nil))
}
