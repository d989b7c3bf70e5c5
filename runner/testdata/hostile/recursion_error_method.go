// real: an Error method that formats its own receiver with fmt recurses without end.
package main

import "fmt"

type E struct{}

func (e E) Error() string { return fmt.Sprint(e) }

func main() {
	var err error = E{}
	fmt.Println(err)
}
