// sandbox: an append loop without end grows the slice until memory runs out.
package main

import "fmt"

func main() {
	var s []int
	chunk := make([]int, 1<<16)
	for i := 0; ; i++ {
		s = append(s, chunk...)
		if i%1024 == 0 {
			fmt.Println(len(s))
		}
	}
}
