// panic(nil) recovered and panicked again prints "[recovered, repanicked]".
package main

import "fmt"

func main() {
	fmt.Println("start")
	defer func() {
		r := recover()
		fmt.Println("recovered:", r)
		panic(r)
	}()
	panic(nil)
}
