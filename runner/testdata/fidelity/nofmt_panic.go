// A panic in a goroutine of a program that imports only time: "goroutine 6 [running]" (no finalizer goroutine without os).
package main

import "time"

func main() {
	go func() {
		panic("boom")
	}()
	time.Sleep(time.Second)
}
