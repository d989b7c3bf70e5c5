// panic(nil) in a goroutine, recovered there, is a *runtime.PanicNilError.
package main

import (
	"fmt"
	"sync"
)

func main() {
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		defer func() {
			r := recover()
			err, ok := r.(error)
			fmt.Println(ok, err)
			fmt.Printf("%T\n", r)
		}()
		panic(nil)
	}()
	wg.Wait()
	fmt.Println("main continues")
}
