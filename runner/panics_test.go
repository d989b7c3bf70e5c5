package runner

import (
	"regexp"
	"strings"
	"testing"
)

var addrRE = regexp.MustCompile(`0x[0-9a-f]+$`)

// panicTypes are declarations the panic cases use.
const panicTypes = `
type T struct{ a int }
type F float64
type S string
type C complex128
type U uint8
type E struct{ m string }

func (e E) Error() string { return "E:" + e.m }

type PE struct{ m string }

func (e *PE) Error() string { return "PE:" + e.m }

type Str int

func (s Str) String() string { return fmt.Sprint("Str", int(s)) }
`

// panicCases are panics with what gc prints for them (checked against
// go1.26.8): the program's stdout and the panic lines of its stderr, an
// address shown as ADDR.
var panicCases = []struct {
	name, body, stdout, panics string
}{
	{"string", `panic("boom")`, "", "panic: boom"},
	{"string with newline", `panic("a\nb")`, "", "panic: a\n\tb"},
	{"int", `panic(42)`, "", "panic: 42"},
	{"float", `panic(1.5)`, "", "panic: 1.5"},
	{"complex", `panic(3 + 4i)`, "", "panic: (3+4i)"},
	{"slice", `panic([]int{1})`, "", "panic: ([]int) ADDR"},
	{"nil", `panic(nil)`, "", "panic: panic called with nil argument"},
	{"errors.New", `panic(fmt.Errorf("wrapped: %w", fmt.Errorf("inner")))`, "", "panic: wrapped: inner"},
	{"defined float", `panic(F(2.5))`, "", "panic: main.F(2.5)"},
	{"defined string", `panic(S("x"))`, "", `panic: main.S("x")`},
	{"defined complex", `panic(C(1i))`, "", "panic: main.C(0+1i)"},
	{"defined uint8", `panic(U(3))`, "", "panic: main.U(3)"},
	{"struct", `panic(T{1})`, "", "panic: (main.T) ADDR"},
	{"pointer", `panic(&T{1})`, "", "panic: (*main.T) ADDR"},
	{"value Error method", `panic(E{"m"})`, "", "panic: E:m"},
	{"pointer Error method", `panic(&PE{"p"})`, "", "panic: PE:p"},
	{"String method", `panic(Str(4))`, "", "panic: Str4"},
	{"in an error variable", `var e error = E{"y"}; panic(e)`, "", "panic: E:y"},
	{"in an any variable", `var a any = F(1); panic(a)`, "", "panic: main.F(1)"},
	{"index", `var s []int; i := 3; _ = s[i]`, "", "panic: runtime error: index out of range [3] with length 0"},
	{"nil map", `var m map[int]int; m[1] = 1`, "", "panic: assignment to entry in nil map"},
	{"nil pointer", `var p *T; fmt.Println(p.a)`, "", "panic: runtime error: invalid memory address or nil pointer dereference\n[signal SIGSEGV: segmentation violation code=0x1 addr=0x0 pc=0x0]"},
	{"divide", `z := 0; fmt.Println(1 / z)`, "", "panic: runtime error: integer divide by zero"},
	{"in a deferred call", `defer func() { panic("second") }(); panic("first")`, "", "panic: first\n\tpanic: second"},
	{"after recover", `defer func() { recover(); panic(E{"two"}) }(); panic(E{"one"})`, "", "panic: E:one [recovered]\n\tpanic: E:two"},
	{"repanicked", `defer func() { r := recover(); panic(r) }(); panic("again")`, "", "panic: again [recovered, repanicked]"},
	{"repanicked runtime error", `defer func() { e := recover().(error); panic(e) }(); var s []int; _ = s[3]`, "",
		"panic: runtime error: index out of range [3] with length 0 [recovered, repanicked]"},
	{"runtime error after recover", `defer func() { recover(); var m map[int]int; m[0] = 1 }(); panic("first")`, "",
		"panic: first [recovered]\n\tpanic: assignment to entry in nil map"},
	{"recovered earlier", `func() { defer func() { recover() }(); panic("handled") }(); panic("later")`, "", "panic: later"},
	{"recovered earlier, runtime error", `func() { defer func() { recover() }(); panic("handled") }(); var m map[int]int; m[0] = 1`, "",
		"panic: assignment to entry in nil map"},
	{"recover returns the value", `defer func() { r := recover(); s, ok := r.(Str); e, _ := r.(error); fmt.Println(ok, int(s), e == nil) }(); panic(Str(5))`,
		"true 5 true\n", ""},
	{"recover returns the pointer", `defer func() { e, ok := recover().(*PE); fmt.Println(ok, e.m) }(); panic(&PE{"y"})`, "true y\n", ""},
	{"recover of a string", `defer func() { s, ok := recover().(string); fmt.Println(ok, s) }(); panic("z")`, "true z\n", ""},
	{"recover of an error", `defer func() { e, ok := recover().(error); fmt.Println(ok, e) }(); panic(fmt.Errorf("f"))`, "true f\n", ""},
	{"recover of a runtime error", `defer func() { e, ok := recover().(runtime.Error); fmt.Println(ok, e) }(); var p *T; _ = p.a`,
		"true runtime error: invalid memory address or nil pointer dereference\n", ""},
	{"recover of a failed assertion", `defer func() { fmt.Println(recover()) }(); var a any = 1; _ = a.(string)`,
		"interface conversion: interface {} is int, not string\n", ""},
	{"recover outside a panic", `fmt.Println(recover())`, "<nil>\n", ""},
	{"deferred panic", `defer panic(Str(9)); fmt.Println(1)`, "1\n", "panic: Str9"},
	{"goroutine", `done := make(chan bool); go func() { defer close(done); panic(E{"g"}) }(); <-done`, "", "panic: E:g"},
}

// TestPanicValues runs each case and compares the output with gc's.
func TestPanicValues(t *testing.T) {
	for _, tt := range panicCases {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			src := "package main\n\nimport (\n\t\"fmt\"\n\t\"runtime\"\n)\n\nvar _ = runtime.Gosched\n" + panicTypes +
				"\nfunc main() {\n\t" + tt.body + "\n}\n"
			res := runSource(t, src)
			var panics []string
			for _, l := range strings.Split(string(res.Stderr), "\n") {
				if l == "" {
					break // the panic lines end at the blank line before the goroutine
				}
				if strings.HasPrefix(l, "panic: ") || strings.HasPrefix(l, "\t") || strings.HasPrefix(l, "[signal") {
					panics = append(panics, l)
				}
			}
			got := addrRE.ReplaceAllString(strings.Join(panics, "\n"), "ADDR")
			if got != tt.panics || string(res.Stdout) != tt.stdout {
				t.Errorf("stdout %q, panics %q\nwant stdout %q, panics %q\nstderr:\n%s\nrewritten:\n%s", res.Stdout, got, tt.stdout, tt.panics, res.Stderr, rewritten(t, src))
			}
		})
	}
}
