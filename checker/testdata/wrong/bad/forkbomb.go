// A fork bomb: stopped by the goroutine limit.
// want: the program created too many goroutines at once
package main

func bomb() {
	for {
		go bomb()
	}
}

func main() { bomb() }
