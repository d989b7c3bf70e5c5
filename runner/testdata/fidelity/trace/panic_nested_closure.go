// A func literal inside a func literal is numbered after its parent: main.main.func1.1.
package main

import "fmt"

func run(f func()) {
	defer fmt.Print("") // a defer keeps gc from inlining run
	f()
}

func main() {
	fmt.Println("start")
	run(func() {
		fmt.Println("outer")
		run(func() {
			panic("inner")
		})
	})
}
