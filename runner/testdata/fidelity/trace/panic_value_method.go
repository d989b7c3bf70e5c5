// A method with a value receiver is main.T.m in a traceback.
package main

import (
	"errors"
	"fmt"
)

type queue struct{ items []int }

func (q queue) first() int {
	if len(q.items) == 0 {
		panic(errors.New("queue is empty"))
	}
	return q.items[0]
}

func drain(qs []queue) {
	for _, q := range qs {
		fmt.Println(q.first())
	}
}

func main() {
	fmt.Println("start")
	drain([]queue{{[]int{1}}, {nil}})
}
