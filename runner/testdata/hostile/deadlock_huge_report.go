// sandbox: a deadlock report past the output limit is cut; gc prints every goroutine.
package main

import "fmt"

func main() {
	c := make(chan int)
	for i := 0; i < 3000; i++ {
		go func() { <-c }()
	}
	fmt.Println("start")
	select {}
}
