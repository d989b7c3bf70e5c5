// A deferred recover inside a goroutine stops its panic; other goroutines and main carry on.
package main

import (
	"fmt"
	"sync"
)

func safe(wg *sync.WaitGroup, i int) {
	defer wg.Done()
	defer func() {
		if r := recover(); r != nil {
			fmt.Println("goroutine", i, "recovered:", r)
		}
	}()
	if i%2 == 1 {
		panic(fmt.Sprint("odd ", i))
	}
	fmt.Println("goroutine", i, "ok")
}

func main() {
	fmt.Println("start")
	var wg sync.WaitGroup
	for i := 0; i < 4; i++ {
		wg.Add(1)
		go safe(&wg, i)
	}
	wg.Wait()
	var a []int
	defer func() { fmt.Println("main recovered:", recover()) }()
	fmt.Println(a[1])
}
