// Endless output: stopped by the output limit.
// want: the program printed too much output
package main

import "fmt"

func main() {
	for {
		fmt.Println("all work and no play makes Jack a dull boy")
	}
}
