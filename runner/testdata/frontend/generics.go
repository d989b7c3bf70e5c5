// Generic functions of the program: yaegi v0.16.1 cannot infer a variadic
// T or two type parameters from a func argument, so the rewrite spells the
// inferred type arguments out.
package main

import (
	"fmt"
	"strconv"
)

type Number interface{ ~int | ~float64 }

func Sum[T Number](xs ...T) T {
	var s T
	for _, x := range xs {
		s += x
	}
	return s
}

func Map[T, U any](xs []T, f func(T) U) []U {
	var out []U
	for _, x := range xs {
		out = append(out, f(x))
	}
	return out
}

func Apply[T, U any](x T, f func(T) U) U { return f(x) }

type Stack[T any] struct{ items []T }

func (s *Stack[T]) Push(v T) { s.items = append(s.items, v) }

func (s *Stack[T]) Pop() T {
	v := s.items[len(s.items)-1]
	s.items = s.items[:len(s.items)-1]
	return v
}

func main() {
	fmt.Println(Sum(1, 2, 3), Sum(1.5, 2.5))
	fmt.Println(Map([]int{1, 2, 3}, strconv.Itoa), Apply[int](4, func(i int) string { return fmt.Sprint(i * i) }))
	var s Stack[string]
	s.Push("a")
	s.Push("b")
	fmt.Println(s.Pop(), s.Pop())
	results := make(chan int)
	go func() { results <- Sum(4, 5) }()
	fmt.Println(<-results)
}
