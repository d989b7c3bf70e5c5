package runner

import (
	"strings"
	"testing"
)

// mapProgram marks each statement with what the rewrite must put before
// it: W a map write's window, R a read's check, I a range loop's check, -
// nothing; a mark may repeat (RW: a read, then a write).
const mapProgram = `package main

import "fmt"

type cache struct{ m map[string]int }

type set map[int]bool

func (s set) add(k int) { s[k] = true } // W a map type's method

var global = map[string]int{}

func f() int { return 1 }

func newMap() map[int]int { return map[int]int{} }

func param(m map[int]int, ms []map[int]int, c *cache) {
	m[1] = 2                // W a parameter
	m[1], m[2] = m[2], m[1] // RW
	delete(m, 1)            // W
	clear(m)                // W
	ms[0][1] = 3            // W an element of a slice of maps
	c.m["a"] = 4            // W through a pointer
	x := m[3] + global["a"] // RR
	v, ok := m[4]           // R
	if w, ok := m[5]; ok {  // R
		fmt.Println(w)
	}
	for k := range m { // II before the loop and at each step
		_ = k
	}
	newMap()[1] = 2 // - the map operand is a call: no window
	fmt.Println(x, v, ok)
}

func main() {
	own := map[int]int{} // only main can reach this map
	own[1] = 1           // -
	own[2]++             // -
	x := own[1]          // -
	delete(own, 2)       // -
	for k := range own { // -
		_ = k
	}
	var later map[string]bool // -
	later = make(map[string]bool)
	later["x"] = true // -
	if own == nil || len(own) > 3 {
		clear(own) // -
	}
	passed := map[int]int{}
	passed[1] = 1 // W
	param(passed, []map[int]int{{}}, &cache{m: map[string]int{}})
	copied := map[int]int{}
	copied[1] = 1 // W
	alias := copied
	_ = alias
	captured := map[int]int{}
	captured[1] = x // W
	go func() {
		captured[2] = 2 // W
	}()
	made := newMap()
	made[1] = 1 // W a map from elsewhere
	global["k"] = 1 // W
	set{}.add(1)
}
`

// TestMapRewrite checks the windows and checks the rewrite puts before map
// accesses: each line of mapProgram marked W, R, I or - gets exactly the
// marked ones (lines are kept, so line L of the output is line L of the
// input).
func TestMapRewrite(t *testing.T) {
	p, err := Prepare("prog.go", []byte(mapProgram), feShadow())
	if err != nil {
		t.Fatal(err)
	}
	out := strings.Split(string(p.Source), "\n")
	for i, line := range strings.Split(mapProgram, "\n") {
		_, mark, ok := strings.Cut(line, "// ")
		if !ok {
			continue
		}
		mark, _, _ = strings.Cut(mark, " ")
		if strings.Trim(mark, "WRI-") != "" {
			continue
		}
		count := func(s string) int { return strings.Count(out[i], s) }
		got := map[byte]int{
			'W': count(rtName + ".MapWrite("),
			'R': count(", false) }"),
			'I': count(", true) }"),
		}
		for _, c := range []byte("WRI") {
			if want := strings.Count(mark, string(c)); got[c] != want {
				t.Errorf("line %d %q: %d of %c, want %d\nrewritten: %s", i+1, strings.TrimSpace(line), got[c], c, want, out[i])
			}
		}
	}
}

// TestMapRewriteRuns: the rewritten mapProgram runs as gc runs it.
func TestMapRewriteRuns(t *testing.T) {
	res := runDirect(t, "prog.go", []byte(mapProgram))
	if res.err != nil {
		t.Fatalf("run: %v\n%s", res.err, numberLines(res.prep.Source))
	}
	if want := "0 0 false\n"; res.stdout != want {
		t.Errorf("stdout = %q, want %q", res.stdout, want)
	}
}
