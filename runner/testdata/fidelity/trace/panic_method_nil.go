// A nil pointer dereference in a method names the method with its pointer receiver.
package main

import "fmt"

type account struct{ balance int }

func (a *account) get() int { return a.balance }

func total(accts []*account) int {
	sum := 0
	for _, a := range accts {
		sum += a.get()
	}
	return sum
}

func main() {
	fmt.Println("start")
	fmt.Println(total([]*account{{1}, {2}, nil}))
}
