// real: a method promoted through a nil embedded pointer dereferences nil.
package main

import "fmt"

type Base struct{ name string }

func (b *Base) Name() string { return b.name }

type Derived struct{ *Base }

func main() {
	var d Derived
	fmt.Println(d.Name())
}
