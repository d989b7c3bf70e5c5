// real: a String method that formats its own receiver with %v recurses without end.
package main

import "fmt"

type T struct{ n int }

func (t T) String() string { return fmt.Sprintf("T(%v)", t) }

func main() {
	fmt.Println(T{1})
}
