// select picks uniformly among ready cases; only the totals are deterministic.
package main

import "fmt"

func main() {
	fmt.Println("start")
	a := make(chan int, 1000)
	b := make(chan int, 1000)
	for i := 0; i < 1000; i++ {
		a <- 1
		b <- 1
	}
	na, nb := 0, 0
	for i := 0; i < 1000; i++ {
		select {
		case <-a:
			na++
		case <-b:
			nb++
		}
	}
	fmt.Println("total", na+nb)
	fmt.Println("both chosen", na > 300 && nb > 300)
	fmt.Println("left", len(a)+len(b))
}
