package runner

import (
	"context"
	"strings"
	"testing"
	"time"
)

// boundsCases are index and slice expressions out of range, each in the
// places the rewrite checks differently, with what gc's runtime says (each
// message was checked against go1.26.8).
var boundsCases = []struct {
	name, decl, stmt, want string
}{
	{"index", "s := []int{1, 2, 3}; i := 5", "_ = s[i]", "index out of range [5] with length 3"},
	{"negative index", "s := []int{1, 2, 3}; i := -1", "_ = s[i]", "index out of range [-1]"},
	{"constant index, nil slice", "var s []int", "_ = s[1]", "index out of range [1] with length 0"},
	{"array", "a := [3]int{}; i := 3", "_ = a[i]", "index out of range [3] with length 3"},
	{"pointer to array", "a := &[3]int{}; i := 4", "_ = a[i]", "index out of range [4] with length 3"},
	{"string", `s := "abc"; i := 9`, "_ = s[i]", "index out of range [9] with length 3"},
	{"unsigned", "s := []int{1}; var i uint8 = 200", "_ = s[i]", "index out of range [200] with length 1"},
	{"nested", "g := [][]int{{1}, {2, 3}}; y, x := 1, 2", "_ = g[y][x]", "index out of range [2] with length 2"},
	{"assignment target", "s := make([]int, 2); i := 2", "s[i] = 1", "index out of range [2] with length 2"},
	{"op-assignment", "s := make([]int, 2); i := 2", "s[i] += 1", "index out of range [2] with length 2"},
	{"address", "s := make([]int, 2); i := 2", "_ = &s[i]", "index out of range [2] with length 2"},
	{"loop condition (in place)", "s := []int{1, 2}; i := 0", "for s[i] > 0 { i++ }", "index out of range [2] with length 2"},
	{"after &&  (in place)", "s := []int{1}; i := 1", "_ = i > 0 && s[i] > 0", "index out of range [1] with length 1"},
	{"after a call (in place)", "s := []int{1}; i := 1", "_ = fmt.Sprint(i) + fmt.Sprint(s[i])", "index out of range [1] with length 1"},
	{"result of a call (helper)", "f := func() []int { return []int{1} }", "_ = f()[1]", "index out of range [1] with length 1"},
	{"string result of a call (helper)", `f := func() string { return "ab" }; i := 2`, "_ = f()[i]", "index out of range [2] with length 2"},
	{"helper, assigned", "f := func() []int { return []int{1} }", "f()[3] = 1", "index out of range [3] with length 1"},
	{"range body, other index", "s := []int{1, 2}", "for i := range s { _ = s[i+1] }", "index out of range [2] with length 2"},
	{"slice high", "s := make([]int, 2, 3); i := 4", "_ = s[:i]", "slice bounds out of range [:4] with capacity 3"},
	{"slice low", "s := make([]int, 2, 3); i := 3", "_ = s[i:]", "slice bounds out of range [3:2]"},
	{"slice low > high", "s := make([]int, 3); i, j := 2, 1", "_ = s[i:j]", "slice bounds out of range [2:1]"},
	{"slice negative low", "s := make([]int, 3); i := -1", "_ = s[i:]", "slice bounds out of range [-1:]"},
	{"slice negative high", "s := make([]int, 3); i := -1", "_ = s[:i]", "slice bounds out of range [:-1]"},
	{"slice array", "a := [3]int{}; i := 4", "_ = a[:i]", "slice bounds out of range [:4] with length 3"},
	{"slice string", `s := "abc"; i := 4`, "_ = s[1:i]", "slice bounds out of range [:4] with length 3"},
	{"slice3 max", "s := make([]int, 3); i := 5", "_ = s[0:1:i]", "slice bounds out of range [::5] with capacity 3"},
	{"slice3 high", "s := make([]int, 3); i := 3", "_ = s[:i:2]", "slice bounds out of range [:3:2]"},
	{"slice3 low", "s := make([]int, 3); i := 2", "_ = s[i:1:3]", "slice bounds out of range [2:1:]"},
	{"slice in place", "s := make([]int, 3); i := 4", "for len(s[i:]) > 0 { }", "slice bounds out of range [4:3]"},
	{"slice3 in place", "s := make([]int, 3); i := 4", "for len(s[:1:i]) > 0 { }", "slice bounds out of range [::4] with capacity 3"},
}

// TestBoundsMessages runs each out-of-range expression on the simulator:
// recover must return gc's runtime error, and an unrecovered one must be
// reported as gc reports it.
func TestBoundsMessages(t *testing.T) {
	for _, tt := range boundsCases {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			body := "\t" + tt.decl + "\n\t" + tt.stmt + "\n"
			recovered := "package main\n\nimport \"fmt\"\n\nvar _ = fmt.Sprint\n\nfunc main() {\n\tdefer func() { fmt.Println(recover()) }()\n" + body + "}\n"
			res := runSource(t, recovered)
			if got, want := string(res.Stdout), "runtime error: "+tt.want+"\n"; got != want {
				t.Errorf("recovered %q, want %q\nrewritten:\n%s", got, want, rewritten(t, recovered))
			}
			crash := "package main\n\nimport \"fmt\"\n\nvar _ = fmt.Sprint\n\nfunc main() {\n" + body + "}\n"
			res = runSource(t, crash)
			first, _, _ := strings.Cut(string(res.Stderr), "\n")
			if want := "panic: runtime error: " + tt.want; first != want || res.ExitCode != 2 {
				t.Errorf("stderr starts %q (exit %d), want %q (exit 2)", first, res.ExitCode, want)
			}
		})
	}
}

func runSource(t *testing.T, src string) *Result {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	res, err := Run(ctx, []byte(src), Options{Procs: 1})
	if err != nil {
		t.Fatalf("Run: %v", err)
	}
	if res.Outcome == OutcomeCompileError || res.Outcome == OutcomeInternal {
		t.Fatalf("outcome %v: %s%s\n%s", res.Outcome, res.Stderr, res.Detail, src)
	}
	return res
}

func rewritten(t *testing.T, src string) string {
	p, err := Prepare("prog.go", []byte(src), nil)
	if err != nil {
		return err.Error()
	}
	return numberLines(p.Source)
}

// TestBoundsPlacement checks where the checks go: none where the index is
// proved in range, an interpreted check before the statement where
// possible, a compiled call in place otherwise.
func TestBoundsPlacement(t *testing.T) {
	tests := []struct {
		name, body string
		want, not  []string
	}{
		{"range", "s := []int{1}; for i := range s { s[i]++; _ = s[i:]; _ = s[:i] }", nil, []string{"Panic", "__rt.Index", "__rt.Slice"}},
		{"counting loop", "s := []int{1}; for i := 0; i < len(s); i++ { s[i]++ }", nil, []string{"Panic", "__rt.Index"}},
		{"array, constant", "var a [3]int; a[2] = 1; _ = a[1:2]", nil, []string{"Panic", "__rt.Index", "__rt.Slice"}},
		{"trivial slices", "s := []int{1}; _ = s[:]; _ = s[0:]; _ = s[:0]", nil, []string{"Panic", "__rt.Slice"}},
		{"range, s assigned", "s := []int{1}; for i := range s { s = s[1:]; _ = s[i] }", []string{"__rt.PanicIndex"}, nil},
		{"range, s captured", "s := []int{1}; f := func() { s = nil }; for i := range s { f(); _ = s[i] }", []string{"__rt.PanicIndex"}, nil},
		{"hoisted", "s := []int{1}; i := 0; fmt.Println(s[i])", []string{"if uint(i) >= uint(len(s)) { __rt.PanicIndex(int64(i), len(s)) }; fmt.Println(s[i])"}, nil},
		{"nested, inner first", "g := [][]int{{1}}; y, x := 0, 0; _ = g[y][x]",
			[]string{"if uint(y) >= uint(len(g)) { __rt.PanicIndex(int64(y), len(g)) }; if uint(x) >= uint(len(g[y])) {"}, nil},
		{"in place", "s := []int{1}; i := 0; for s[i] > 0 { i++ }", []string{"for s[__rt.Index(int(i), len(s))] > 0"}, nil},
		{"map index unchecked", "m := map[int]int{}; k := 1; _ = m[k]", nil, []string{"Panic", "__rt.Index"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src := "package main\n\nimport \"fmt\"\n\nvar _ = fmt.Sprint\n\nfunc main() {\n\t" + tt.body + "\n}\n"
			p, err := Prepare("prog.go", []byte(src), nil)
			if err != nil {
				t.Fatal(err)
			}
			out := string(p.Source)
			for _, w := range tt.want {
				if !strings.Contains(out, w) {
					t.Errorf("rewritten program lacks %q:\n%s", w, numberLines(p.Source))
				}
			}
			for _, n := range tt.not {
				if strings.Contains(out, n) {
					t.Errorf("rewritten program has %q:\n%s", n, numberLines(p.Source))
				}
			}
		})
	}
}
