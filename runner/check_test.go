package runner

import (
	"go/types"
	"strings"
	"sync"
	"testing"

	"github.com/traefik/yaegi/interp"
	"github.com/traefik/yaegi/stdlib"
)

// feShadow stands in for the back end's shadow packages in the front end's
// tests: the real packages of stdlib.Symbols (all but gpm).
func feShadow() interp.Exports {
	out := interp.Exports{}
	for _, p := range shadowedPkgs {
		if syms, ok := stdlib.Symbols[exportKey(p)]; ok {
			out[exportKey(p)] = syms
		}
	}
	return out
}

func TestCheckAccepts(t *testing.T) {
	const src = `package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"math"
	"sort"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"
	"unicode/utf8"
)

type Celsius float64

func (c Celsius) String() string { return strconv.FormatFloat(float64(c), 'f', 1, 64) + "C" }

var _ fmt.Stringer = Celsius(0)

func takesRune(r rune) {}

func main() {
	var wg sync.WaitGroup
	var mu sync.Mutex
	var n atomic.Int64
	d := 50 * time.Millisecond
	ticks := make(chan time.Duration, 1)
	ticks <- d
	wg.Add(1)
	go func() { defer wg.Done(); mu.Lock(); n.Add(1); mu.Unlock() }()
	wg.Wait()
	var b strings.Builder
	b.WriteString("x")
	var buf bytes.Buffer
	fmt.Fprintf(&buf, "%v %v", math.Pi, d.Seconds())
	r := utf8.RuneError
	takesRune(r)
	err := errors.New("e")
	if errors.Is(fmt.Errorf("w: %w", err), err) {
		fmt.Println(b.String(), buf.Len(), <-ticks, n.Load(), Celsius(3))
	}
	s := []int{3, 1}
	sort.Ints(s)
	ctx, cancel := context.WithTimeout(context.Background(), time.Second)
	defer cancel()
	<-ctx.Done()
	var e error = ctx.Err()
	_ = e
	_ = math.MaxInt64
}
`
	if _, err := check("prog.go", []byte(src), feShadow()); err != nil {
		t.Fatalf("check: %v", err)
	}
}

func TestCheckErrors(t *testing.T) {
	tests := []struct {
		name, src, want string
	}{
		{"undefined", "package main\n\nfunc main() {\n\tx = 1\n}\n", "prog.go:4:2: undefined: x"},
		{"unused import", "package main\n\nimport \"fmt\"\n\nfunc main() {}\n", `prog.go:3:8: "fmt" imported and not used`},
		{"refused import", "package main\n\nimport \"os/exec\"\n\nfunc main() { exec.Command(\"ls\") }\n",
			`prog.go:3:8: import "os/exec" is not allowed (allowed: bytes, cmp, context, errors, fmt, gpm, io, maps, math, math/rand, os, runtime, runtime/debug, slices, sort, strconv, strings, sync, sync/atomic, time, unicode, unicode/utf8)`},
		{"unavailable shadow", "package main\n\nimport \"gpm\"\n\nfunc main() { gpm.X() }\n", `prog.go:3:8: import "gpm" is not available in this runner`},
		{"refused unsafe", "package main\nimport \"unsafe\"\nfunc main() { _ = unsafe.Sizeof(1) }\n", `prog.go:2:8: import "unsafe" is not allowed`},
		{"empty", "", "prog.go:1:1: expected 'package', found 'EOF'"},
		{"blank", "\n\n  \n", "prog.go:3:4: expected 'package', found 'EOF'"},
		{"not main", "package foo\n\nfunc main() {}\n", "prog.go:1:9: package foo is not a main package"},
		{"no main", "package main\n\nfunc f() {}\n", "prog.go:1:9: function main is undeclared in the main package"},
		{"main var", "package main\n\nvar main = 1\n", "prog.go:3:5: cannot declare main - must be func"},
		{"NUL", "package main\nfunc main() {\x00}\n", "prog.go:2:14: unexpected NUL in input"},
		{"syntax", "package main\nfunc main() {\n", "prog.go:3:1: syntax error: unexpected EOF, expected }"},
		{"reserved", "package main\nfunc main() { __rt := 1; _ = __rt }\n", "prog.go:2:15: identifier __rt is reserved by the runner"},
		{"binary", "\x7fELF\x02\x01\x01", "prog.go:1:1: illegal character U+007F"},
		// Found by FuzzRewrite; the message is gc's (go run, go1.26.8).
		{"no body", "package main\nfunc main()\n", "prog.go:2:6: missing function body"},
		// gc's words (go run, go1.26.8); go/types ignores the directive.
		{"embed without import", "package main\n\nimport \"fmt\"\n\n//go:embed hello.txt\nvar s string\n\nfunc main() { fmt.Println(s) }\n",
			`prog.go:5:3: go:embed requires import "embed" (or import _ "embed", if package is not used)`},
		{"too many", "package main\nfunc main() { a; b; c; d; e; f; g; h; i; j; k }\n",
			"prog.go:2:15: undefined: a\nprog.go:2:18: undefined: b\nprog.go:2:21: undefined: c\nprog.go:2:24: undefined: d\n" +
				"prog.go:2:27: undefined: e\nprog.go:2:30: undefined: f\nprog.go:2:33: undefined: g\nprog.go:2:36: undefined: h\n" +
				"prog.go:2:39: undefined: i\nprog.go:2:42: undefined: j\nprog.go:2:42: too many errors"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := check("prog.go", []byte(tt.src), feShadow())
			ce, ok := err.(*CompileError)
			if !ok {
				t.Fatalf("check error = %v (%T), want *CompileError", err, err)
			}
			if got := ce.Error(); !strings.HasPrefix(got, tt.want) {
				t.Errorf("check error =\n%s\nwant prefix\n%s", got, tt.want)
			}
		})
	}
}

// TestUniverseConcurrent type-checks in parallel against the shared, cached
// packages; with -race it proves the universe is safe to share.
func TestUniverseConcurrent(t *testing.T) {
	const src = "package main\nimport (\"fmt\"; \"strings\"; \"sync\"; \"time\")\n" +
		"func main() { var wg sync.WaitGroup; wg.Wait(); fmt.Println(strings.ToUpper(\"a\"), time.Second) }\n"
	var wg sync.WaitGroup
	for i := 0; i < 4; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if _, err := check("prog.go", []byte(src), feShadow()); err != nil {
				t.Errorf("check: %v", err)
			}
		}()
	}
	wg.Wait()
}

// TestImporterShapes checks the reflect importer on the facts it must get
// right: methods with pointer receivers, interfaces, untyped and typed
// constants, variadic signatures and struct fields.
func TestImporterShapes(t *testing.T) {
	u := universeFor(feShadow())
	tests := []struct{ pkg, name, want string }{
		{"fmt", "Println", "func fmt.Println(...any) (int, error)"},
		{"fmt", "Stringer", "type fmt.Stringer interface{String() string}"},
		{"math", "Pi", "const math.Pi untyped float"},
		{"math", "MaxInt64", "const math.MaxInt64 untyped int"},
		{"unicode/utf8", "RuneError", "const unicode/utf8.RuneError untyped rune"},
		{"time", "Second", "const time.Second time.Duration"},
		{"time", "Duration", "type time.Duration int64"},
		{"sync", "WaitGroup", "type sync.WaitGroup struct{"},
		{"strings", "NewReplacer", "func strings.NewReplacer(...string) *strings.Replacer"},
		{"context", "Context", "type context.Context interface{Deadline() (deadline time.Time, ok bool)"},
		{"os", "Args", "var os.Args []string"},
	}
	for _, tt := range tests {
		obj := u.pkgs[tt.pkg].Scope().Lookup(tt.name)
		if obj == nil {
			t.Errorf("%s.%s: not found", tt.pkg, tt.name)
			continue
		}
		if got := obj.String(); !strings.HasPrefix(got, strings.ReplaceAll(tt.want, "(deadline time.Time, ok bool)", "(time.Time, bool)")) {
			t.Errorf("%s.%s = %s, want prefix %s", tt.pkg, tt.name, got, tt.want)
		}
	}
	wg := u.pkgs["sync"].Scope().Lookup("WaitGroup").Type()
	if m, _, _ := types.LookupFieldOrMethod(types.NewPointer(wg), true, nil, "Wait"); m == nil {
		t.Errorf("(*sync.WaitGroup).Wait not found")
	}
}
