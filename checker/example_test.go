package checker_test

import (
	"context"
	"fmt"
	"os"

	"github.com/gotour-gpm/gotour-gpm/checker"
	"github.com/gotour-gpm/gotour-gpm/internal/i18n"
)

// A learner fixes the deadlock of lesson 9 with a buffer too small for the
// three squares: the third send still blocks, and the report says why.
func ExampleCheck() {
	ex, err := checker.Lookup("fix-deadlock")
	if err != nil {
		fmt.Println(err)
		return
	}
	src := `package main

import "fmt"

func main() {
	squares := make(chan int, 2)
	for i := 1; i <= 3; i++ {
		squares <- i * i
	}
	for i := 1; i <= 3; i++ {
		fmt.Println(<-squares)
	}
}
`
	rep, err := checker.Check(context.Background(), ex, []byte(src), checker.Options{Filename: "squares.go"})
	if err != nil {
		fmt.Println(err)
		return
	}
	rep.WriteText(os.Stdout, checker.TextOptions{Lang: i18n.En})
	// Output:
	// fix-deadlock: FAIL (squares.go)
	//   ✓ compiles
	//   ✗ ends normally: no deadlock, no panic, within the limits
	//       got:
	//         fatal error: all goroutines are asleep - deadlock!
	//         goroutine 1 [chan send]:
	//       want: main returns (exit status 0)
	//       Deadlock at a send on squares: the buffer is full and the only receiver is
	//       main itself. A buffer must hold all three values, or the sends must run in
	//       another goroutine.
	//       first failing schedule: seed 0, procs 1
	//       replay it: gotour-gpm run squares.go --seed 0 --procs 1 --max-steps 5000000 --max-virtual 1m0s --max-goroutines 20000
	//   - prints the expected output
	//       not checked: the program did not end normally
	//   - no goroutine is left behind when main returns
	//       not checked: the program did not end normally
	//   ✓ main receives the squares, or waits for the goroutine that does
	//   - computes its output: follows the reference when the inputs change
	//       not checked: grading stopped at the first failing schedule
	//
	// 1 of 6 checks failed. Grading stopped at the first failing schedule: 1 of 15 (seeds 0-4 × procs 1,2,4).
}
