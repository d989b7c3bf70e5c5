// The prediction as a string of digits, one printed per line.
package main

import "fmt"

func main() {
	for _, d := range "201534" {
		fmt.Println(string(d))
	}
}
