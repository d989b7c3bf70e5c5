// sandbox: yaegi cannot instantiate generic types that refer to each other; gc runs this.
package main

import "fmt"

type A[T any] struct{ b *B[T] }
type B[T any] struct{ a *A[T] }

func main() {
	var a A[int]
	fmt.Println(a.b == nil)
}
