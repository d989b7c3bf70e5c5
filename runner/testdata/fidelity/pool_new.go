// sync.Pool calls New only when it holds nothing: a Put object comes back before a new one.
package main

import (
	"fmt"
	"sync"
)

type buffer struct{ id int }

func main() {
	made := 0
	p := sync.Pool{New: func() any {
		made++
		return &buffer{id: made}
	}}
	b := p.Get().(*buffer)
	fmt.Println("got", b.id, "made", made)
	p.Put(b)
	again := p.Get().(*buffer)
	fmt.Println("got", again.id, "same:", again == b, "made", made)
	other := p.Get().(*buffer)
	fmt.Println("got", other.id, "made", made)
}
