// real: recursion through a func value stored in a map.
package main

import "fmt"

type op func(int) int

var table map[string]op

func run(n int) int { return table["run"](n+1) + 1 }

func main() {
	table = map[string]op{"run": run}
	fmt.Println(run(0))
}
