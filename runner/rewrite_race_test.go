package runner

import (
	"strings"
	"testing"
)

// raceProgram marks with "// W" each statement that must get a race
// window, and with "// -" each that must not.
const raceProgram = `package main

import "sync"

type box struct{ n int }

type pair struct{ a, b int }

var (
	global int
	gm     = map[string]int{}
)

func f() int { return 1 }

func (b *box) inc() {
	b.n++ // W through a pointer receiver
}

func main() {
	global++      // W package level
	global += f() // W
	local := 0
	local++   // - never shared
	local *= 2 // -
	captured := 0
	go func() {
		captured++ // W captured by a func literal
	}()
	captured-- // W the declaring function's own writes race too
	addressed := 0
	p := &addressed
	addressed += 3 // W its address is taken
	*p += 1        // W through a pointer
	(*p)++         // W
	var v pair
	v.a++ // - a field of an unshared struct value
	var arr [3]int
	arr[f()]++ // - an element of an unshared array
	s := []int{1, 2}
	s[f()]++  // W a slice's elements are shared
	m := map[int]int{}
	m[f()]++ // W a map entry (of a map that leaves main below)
	gm["k"] += 2 // W
	own := map[int]int{}
	own[f()]++ // - an entry of a map only main can reach
	bp := &box{}
	bp.n-- // W
	for i := 0; i < 3; global++ { // - a for post statement keeps its form
		i++ // - the loop variable is not shared
	}
	if global++; global > 0 { // - an if init statement too
	}
L:
	global++ // W a labelled statement
	var mu sync.Mutex
	mu.Lock()
	global++ // W under a Mutex: the window may switch, nobody gets the lock
	mu.Unlock()
	global = global + 1     // W x = x + e is a read-modify-write too
	global = f()            // - a plain store reads nothing
	bp.n = bp.n * 2         // W
	*p = *p - f()           // W
	s[0] = s[0] + 1         // W
	local = local + 1       // - never shared
	gm["k"] = gm["k"] + 1   // W a map write (rewrite_map.go), one window
	global = func() int { return global }() // - the literal's read is not the statement's
	_, _, _, _, _ = local, v, arr, bp, m
	goto L
}
`

// TestRaceRewrite checks which read-modify-writes the rewrite splits
// around a race window (Race, or MapWrite for a map entry): lines of
// raceProgram marked W get one, lines marked - get none (lines are kept,
// so line L of the output is line L of input).
func TestRaceRewrite(t *testing.T) {
	p, err := Prepare("prog.go", []byte(raceProgram), feShadow())
	if err != nil {
		t.Fatal(err)
	}
	if err := checkRewritten("prog.go", p.Source); err != nil {
		t.Fatalf("the rewritten program does not type-check: %v\n%s", err, numberLines(p.Source))
	}
	out := strings.Split(string(p.Source), "\n")
	for i, line := range strings.Split(raceProgram, "\n") {
		_, mark, ok := strings.Cut(line, "// ")
		if !ok || (!strings.HasPrefix(mark, "W") && !strings.HasPrefix(mark, "-")) {
			continue
		}
		got := strings.Count(out[i], rtName+".Race()") + strings.Count(out[i], rtName+".MapWrite(")
		want := 0
		if mark[0] == 'W' {
			want = 1
		}
		if got != want {
			t.Errorf("line %d %q: %d windows, want %d\nrewritten: %s", i+1, strings.TrimSpace(line), got, want, out[i])
		}
	}
}

// TestRaceRewriteOnce: a[f()]++ and m[f()] += g() call f and g once
// each, f first; the right-hand side is evaluated before the load.
func TestRaceRewriteOnce(t *testing.T) {
	res := runDirect(t, "prog.go", []byte(`package main

import "fmt"

var (
	a     [3]int
	m     = map[int]int{}
	calls []string
)

func f() int { calls = append(calls, "f"); return 1 }

func g() int { calls = append(calls, "g"); a[1] = 10; m[1] = 10; return 2 }

func main() {
	a[f()]++
	m[f()] += g()
	a[f()] += g()
	fmt.Println(a, m, calls)
}
`))
	if res.err != nil {
		t.Fatalf("run: %v\n%s", res.err, numberLines(res.prep.Source))
	}
	// What go run prints (go1.26.8).
	if want := "[0 12 0] map[1:10] [f f g f g]\n"; res.stdout != want {
		t.Errorf("stdout = %q, want %q\n%s", res.stdout, want, numberLines(res.prep.Source))
	}
}
