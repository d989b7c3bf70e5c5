package runner

import (
	"bytes"
	"context"
	"flag"
	"fmt"
	goldenflag "github.com/gotour-gpm/gotour-gpm/internal/golden"
	"go/ast"
	"go/parser"
	"go/token"
	"go/types"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

var frontendGolden = flag.Bool("frontend.golden", false,
	"rewrite testdata/frontend/*.out by running each program with the real toolchain (go run)")

// TestFrontendGolden runs every program of testdata/frontend, rewritten,
// under yaegi with the direct shim, and compares its stdout with what the
// real toolchain printed (NAME.out, written by -frontend.golden). The
// programs synchronise through channels only, so their output does not
// depend on scheduling.
func TestFrontendGolden(t *testing.T) {
	progs, _ := filepath.Glob("testdata/frontend/*.go")
	if len(progs) == 0 {
		t.Fatal("no programs in testdata/frontend")
	}
	for _, path := range progs {
		name := strings.TrimSuffix(filepath.Base(path), ".go")
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			src, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			golden := strings.TrimSuffix(path, ".go") + ".out"
			if *frontendGolden || *goldenflag.Update {
				writeRealOutput(t, path, golden)
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test ./runner -run TestFrontendGolden -frontend.golden)", err)
			}
			res := runDirect(t, filepath.Base(path), src)
			if res.err != nil {
				if res.prep != nil {
					t.Logf("rewritten:\n%s", numberLines(res.prep.Source))
				}
				t.Fatalf("run: %v\nstderr: %s", res.err, res.stderr)
			}
			if res.stdout != string(want) {
				t.Logf("rewritten:\n%s", numberLines(res.prep.Source))
				t.Errorf("stdout differs from the real toolchain's\ngot:\n%s\nwant:\n%s", res.stdout, want)
			}
			checkLines(t, src, res.prep.Source)
			if n := res.shim.ticks.Load(); n == 0 {
				t.Errorf("no __rt.Tick calls")
			}
		})
	}
}

// writeRealOutput runs path with the real toolchain and stores its stdout.
func writeRealOutput(t *testing.T, path, golden string) {
	cmd := exec.Command("go", "run", filepath.Base(path))
	cmd.Dir = filepath.Dir(path)
	cmd.Env = append(os.Environ(), "GOFLAGS=-mod=mod", "GO111MODULE=off")
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("go run %s: %v\n%s", path, err, stderr.String())
	}
	if err := os.WriteFile(golden, stdout.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
}

// positionsProg has multi-line operands in a select case and a go statement
// (which the rewrite reflows) before the functions whose positions yaegi
// reports.
const positionsProg = `package main

import (
	"fmt"
	"strconv"
)

func main() {
	a := make(chan int, 1)
	b := make(chan string, 1)
	select {
	case a <- len(fmt.Sprint(
		"x",
		"y")):
	case v := <-b:
		fmt.Println(v)
	}
	done := make(chan bool)
	go func(x int,
		y int) {
		done <- x == y
	}(1,
		2)
	<-done
	%s
}

func boom() {
	var s []int
	fmt.Println(s[5])
}

func apply[T, U any](x T, f func(T) U) U { return f(x) }

var _ = strconv.Itoa
`

// TestPositionsMapBack proves that yaegi's positions in the rewritten
// program are the learner's: a runtime panic and a compile error point at
// the original lines.
func TestPositionsMapBack(t *testing.T) {
	tests := []struct {
		name, stmt, want string
		edit             func([]byte) []byte
	}{
		{"panic", "boom()", "func boom", nil},
		// The compile error is made in the rewritten program, on the line
		// of the original's last declaration: yaegi must report that line.
		{"compile error", "", "var _ = strconv.Itoa", func(b []byte) []byte {
			return bytes.Replace(b, []byte("var _ = strconv.Itoa"), []byte("var _ = strconv.Nope"), 1)
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src := strings.Replace(positionsProg, "%s", tt.stmt, 1)
			res := runDirectEdit(t, "prog.go", []byte(src), tt.edit)
			if res.prep == nil {
				t.Fatalf("Prepare: %v", res.err)
			}
			if got := strings.Count(string(res.prep.Source), "\n"); got < strings.Count(src, "\n") {
				t.Errorf("rewritten source has %d lines, want at least %d", got, strings.Count(src, "\n"))
			}
			want := fmt.Sprintf("%d:", 1+strings.Count(src[:strings.Index(src, tt.want)], "\n"))
			msg := res.stderr
			if res.err != nil {
				msg += res.err.Error()
			}
			if !strings.HasPrefix(msg, want) {
				t.Errorf("yaegi reported %q, want position %s... (%s)\nrewritten:\n%s", msg, want, tt.want, numberLines(res.prep.Source))
			}
		})
	}
}

// stmtLines counts, for each line, the expression statements that start
// on it (positions honour line directives). The shim calls the rewrite adds
// for other statements (a send, a go statement, ticks, failed bounds
// checks) are not counted.
func stmtLines(t *testing.T, src []byte) map[int]int {
	t.Helper()
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "prog.go", src, 0)
	if err != nil {
		t.Fatalf("parse: %v", err)
	}
	added := map[string]bool{rtName + ".Tick": true, rtName + ".Enter": true, rtName + ".Send": true, rtName + ".Go": true, rtName + ".Race": true}
	out := map[int]int{}
	comm := map[ast.Stmt]bool{} // select cases move into the switch header
	ast.Inspect(f, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.CommClause:
			comm[n.Comm] = true
		case *ast.ExprStmt:
			if call, ok := n.X.(*ast.CallExpr); ok {
				name := types.ExprString(call.Fun)
				if added[name] || strings.HasPrefix(name, reservedPrefix+"q_") || strings.HasPrefix(name, rtName+".Panic") {
					return true // added by the rewrite, or inside a helper
				}
			}
			if !comm[n] {
				out[fset.Position(n.Pos()).Line]++
			}
		}
		return true
	})
	return out
}

// checkLines fails unless every expression statement of orig is on the
// same line in rewritten.
func checkLines(t *testing.T, orig, rewritten []byte) {
	t.Helper()
	got := stmtLines(t, rewritten)
	for line, n := range stmtLines(t, orig) {
		if got[line] != n {
			t.Errorf("line %d: %d expression statements in the rewritten program, want %d", line, got[line], n)
		}
	}
}

// refusedPrograms are programs the runner cannot run faithfully, with the
// start of the error each must get.
var refusedPrograms = []struct{ name, src, want string }{
	{"range over func", `package main

import "fmt"

func gen(yield func(int) bool) {
	for i := 0; i < 3; i++ {
		if !yield(i) {
			return
		}
	}
}

func main() {
	for v := range gen {
		fmt.Println(v)
	}
}
`, "prog.go:14:2: range over function iterator gen (Go 1.23) is not supported by the runner"},
	{"unsupported slices func", `package main

import (
	"fmt"
	"slices"
)

func main() { fmt.Println(slices.Compact([]int{1, 1, 2})) }
`, "prog.go:8:27: slices.Compact is not supported by the runner (supported: cmp.Compare, cmp.Less, maps.Clone"},
	{"generic func value", `package main

import (
	"fmt"
	"slices"
)

func main() {
	f := slices.Contains[[]int]
	fmt.Println(f([]int{1}, 1))
}
`, "prog.go:9:7: slices.Contains is not supported by the runner here: only direct calls of"},
	{"go stub call", `package main

import "slices"

func main() { go slices.Sort([]int{2, 1}) }
`, "prog.go:5:18: go statement calling slices.Sort is not supported by the runner"},
	{"maps.Keys as a value", `package main

import (
	"fmt"
	"maps"
)

func main() {
	keys := maps.Keys(map[int]int{1: 1})
	for k := range keys {
		fmt.Println(k)
	}
}
`, "prog.go:9:10: maps.Keys is not supported by the runner (supported:"},
	{"map of channels needs a variable", `package main

func chans() map[string]chan int { return nil }

func main() {
	for k, c := range chans() {
		_, _ = k, c
	}
}
`, "prog.go:6:2: range with a value over a map of channels needs a variable"},
}

func TestRefused(t *testing.T) {
	for _, tt := range refusedPrograms {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Prepare("prog.go", []byte(tt.src), feShadow())
			ce, ok := err.(*CompileError)
			if !ok {
				t.Fatalf("Prepare error = %v (%T), want *CompileError", err, err)
			}
			if got := ce.Error(); !strings.HasPrefix(got, tt.want) {
				t.Errorf("Prepare error =\n%s\nwant prefix\n%s", got, tt.want)
			}
		})
	}
}

// TestRecursion checks which functions get stack accounting, and that the
// calls balance at run time.
func TestRecursion(t *testing.T) {
	src, err := os.ReadFile("testdata/frontend/recursion.go")
	if err != nil {
		t.Fatal(err)
	}
	res := runDirect(t, "recursion.go", src)
	if res.err != nil {
		t.Fatal(res.err)
	}
	want := "Tree.Sum even fib func literal at line 44 odd"
	if got := strings.Join(res.prep.Recursive, " "); got != want {
		t.Errorf("Recursive = %q, want %q", got, want)
	}
	if e, l := res.shim.enters.Load(), res.shim.leaves.Load(); e == 0 || e != l {
		t.Errorf("Enter called %d times, Leave %d times", e, l)
	}
	if !strings.Contains(string(res.prep.Source), "func fib(n int) int { __rt.Tick(2); __rt.Enter(32); defer __rt.Leave();") {
		t.Errorf("fib's entry is not accounted:\n%s", numberLines(res.prep.Source))
	}
}

// TestFrontendOnSimulator runs the same programs as TestFrontendGolden
// through Run, on the simulator with the real shim and shadow packages:
// their output does not depend on scheduling, so it must still be the real
// toolchain's.
func TestFrontendOnSimulator(t *testing.T) {
	progs, _ := filepath.Glob("testdata/frontend/*.go")
	for _, path := range progs {
		name := strings.TrimSuffix(filepath.Base(path), ".go")
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			src, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			want, err := os.ReadFile(strings.TrimSuffix(path, ".go") + ".out")
			if err != nil {
				t.Fatal(err)
			}
			ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
			defer cancel()
			res, err := Run(ctx, src, Options{Filename: filepath.Base(path)})
			if err != nil {
				t.Fatalf("Run: %v", err)
			}
			if string(res.Stdout) != string(want) || res.Outcome != OutcomeOK {
				t.Errorf("Run: outcome %v, stdout\n%s\nstderr\n%s\nwant stdout\n%s", res.Outcome, res.Stdout, res.Stderr, want)
			}
		})
	}
}
