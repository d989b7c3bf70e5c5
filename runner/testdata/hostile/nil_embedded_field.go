// real: a field promoted through a nil embedded pointer dereferences nil.
package main

import "fmt"

type Base struct{ name string }

type Derived struct{ *Base }

func main() {
	var d Derived
	fmt.Println(d.name)
}
