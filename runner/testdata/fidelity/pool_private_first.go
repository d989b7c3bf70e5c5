// sync.Pool on one P returns its private slot first, then the rest last in, first out.
package main

import (
	"fmt"
	"sync"
)

func main() {
	var p sync.Pool
	p.Put("a")
	p.Put("b")
	p.Put("c")
	fmt.Println(p.Get(), p.Get(), p.Get(), p.Get())
	p.Put("x")
	fmt.Println(p.Get())
	p.Put(nil)
	fmt.Println(p.Get())
}
