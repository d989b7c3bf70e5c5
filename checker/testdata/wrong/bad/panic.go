// A panic: its first line is shown.
// want: panic: boom
// want: The program panicked
package main

func main() {
	panic("boom")
}
