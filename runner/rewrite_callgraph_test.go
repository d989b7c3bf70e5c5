package runner

import (
	"strings"
	"testing"
)

// TestCallGraph checks which functions get stack accounting: every one
// that may be on a cycle of calls, through interfaces, func values and
// other packages' code included, and none that cannot recurse.
func TestCallGraph(t *testing.T) {
	tests := []struct{ name, src, want string }{
		{"string method through fmt", `package main

import "fmt"

type T struct{ n int }

func (t T) String() string { return fmt.Sprintf("T(%v)", t) }

func main() { fmt.Println(T{1}) }
`, "T.String"},
		{"error method through fmt", `package main

import "fmt"

type E struct{}

func (e E) Error() string { return fmt.Sprint(e) }

func main() { fmt.Println(E{}) }
`, "E.Error"},
		{"interface method", `package main

type Node interface{ Depth() int }

type N struct{ next Node }

func (n *N) Depth() int { return n.next.Depth() + 1 }

func main() { n := &N{}; n.next = n; println(n.Depth()) }
`, "N.Depth"},
		{"func value in a map", `package main

var table map[string]func(int) int

func run(n int) int { return table["run"](n+1) + 1 }

func main() { table = map[string]func(int) int{"run": run}; println(run(0)) }
`, "run"},
		{"closure through another variable", `package main

func main() {
	var g func(int) int
	g = func(n int) int { return g(n+1) + 1 }
	h := g
	println(h(0))
}
`, "func literal at line 5"},
		{"method value", `package main

type T struct{ f func() }

func (t *T) M() { t.f() }

func main() { t := &T{}; t.f = t.M; t.M() }
`, "T.M"},
		{"generic function", `package main

func f[T any](x T, n int) int { return f(x, n+1) }

func main() { println(f("a", 0)) }
`, "f"},
		{"no cycle", `package main

import (
	"fmt"
	"strings"
	"sync"
)

type T struct {
	s  string
	mu sync.Mutex
}

func (t *T) Upper() string { t.mu.Lock(); defer t.mu.Unlock(); return strings.ToUpper(t.s) }

func helper(n int) int { return n * 2 }

func main() {
	done := make(chan int)
	go func() { done <- helper(1) }()
	fmt.Println((&T{s: "a"}).Upper(), <-done, func() int { return 3 }())
}
`, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			prep, err := Prepare("prog.go", []byte(tt.src), feShadow())
			if err != nil {
				t.Fatal(err)
			}
			if got := strings.Join(prep.Recursive, " "); got != tt.want {
				t.Errorf("Recursive = %q, want %q", got, tt.want)
			}
		})
	}
}
