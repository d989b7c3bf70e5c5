// defer evaluates the function and its arguments when the defer statement
// runs; deferred closures in loops see their own iteration's variables;
// recover still works in deferred literals and functions.
package main

import (
	"errors"
	"fmt"
	"sync"
)

type Logger struct{ prefix string }

func (l Logger) Log(msg string) { fmt.Println(l.prefix + msg) }

func (l *Logger) PLog(msg string) { fmt.Println("*" + l.prefix + msg) }

func handle(name string, err *error) {
	if r := recover(); r != nil {
		*err = fmt.Errorf("%s: recovered %v", name, r)
	}
}

func safe(name string) (err error) {
	defer handle(name, &err)
	panic("boom")
}

func safeLit(name string) (err error) {
	defer func(n string) {
		if r := recover(); r != nil {
			err = errors.New(n + " recovered")
		}
	}(name)
	panic("bang")
}

func count() (n int) {
	for i := 0; i < 3; i++ {
		defer func() { n += i }()
	}
	return 10
}

func main() {
	fmt.Println(safe("a"))
	fmt.Println(safeLit("b"))
	fmt.Println(count())
	func() {
		x := 1
		defer fmt.Println("x at defer", x)
		x = 2
		l := Logger{"v:"}
		defer l.Log("value receiver")
		defer l.PLog("pointer receiver")
		l.prefix = "changed:"
		f := func(s string) { fmt.Println("f1", s) }
		defer f("func value")
		f = func(s string) { fmt.Println("f2", s) }
		for _, s := range []string{"a", "b"} {
			defer func() { fmt.Println("loop", s) }()
			defer fmt.Println("loop arg", s)
		}
		chans := []chan int{make(chan int), make(chan int)}
		for _, c := range chans {
			defer close(c)
		}
		var mu sync.Mutex
		mu.Lock()
		defer mu.Unlock()
		nums := []int{1, 2}
		defer fmt.Println("variadic", nums)
		defer fmt.Println(append(nums, 3))
		nums[0] = 9
	}()
}
