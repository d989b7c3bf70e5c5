// Since Go 1.23 timer and ticker channels are unbuffered: len and cap are 0.
package main

import (
	"fmt"
	"time"
)

func main() {
	t := time.NewTimer(10 * time.Millisecond)
	tk := time.NewTicker(10 * time.Millisecond)
	a := time.After(10 * time.Millisecond)
	time.Sleep(50 * time.Millisecond)
	fmt.Println(len(t.C), cap(t.C))
	fmt.Println(len(tk.C), cap(tk.C))
	fmt.Println(len(a), cap(a))
	<-t.C
	<-tk.C
	<-a
	fmt.Println("all received")
	tk.Stop()
}
