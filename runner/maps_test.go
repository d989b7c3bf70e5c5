package runner_test

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/gotour-gpm/gotour-gpm/runner"
)

// wordsProgram: two goroutines count their word n times in one map, each
// count written as inc (a statement using counts, word, i and mu). With
// n = 100,000 and counts[word]++ it is lesson 12's concurrent-map
// snippet; the real toolchain with GOMAXPROCS=4 stops it with "fatal
// error: concurrent map writes" on most runs (8 of 10 on a loaded
// two-core machine).
func wordsProgram(n int, inc string) string {
	return fmt.Sprintf(`package main

import (
	"fmt"
	"sync"
)

var _ sync.Map

func main() {
	counts := map[string]int{}
	var mu sync.Mutex
	var wg sync.WaitGroup
	for _, word := range []string{"ping", "pong"} {
		wg.Go(func() {
			for i := range %d {
				%s
				_ = i
			}
		})
	}
	wg.Wait()
	mu.Lock()
	fmt.Println(counts)
	mu.Unlock()
}
`, n, inc)
}

// runMap runs src and returns its result.
func runMap(t *testing.T, src string, procs int, seed uint64) *runner.Result {
	t.Helper()
	// An idle machine, as runTotal's.
	res, err := runner.Run(context.Background(), []byte(src), runner.Options{Procs: procs, Seed: seed, Idle: true})
	if err != nil {
		t.Fatal(err)
	}
	return res
}

// TestConcurrentMapWrites: two goroutines writing one map on four Ps die
// as in gc, "fatal error: concurrent map writes", exit status 2, the
// goroutine that found the write listed alone; the same way every time for
// a seed. Under a Mutex, on one P, or with a sync.Map they never do.
func TestConcurrentMapWrites(t *testing.T) {
	racy := wordsProgram(100_000, "counts[word]++")
	crashed := 0
	for seed := range uint64(10) {
		res := runMap(t, racy, 4, seed)
		if res.Outcome != runner.OutcomeFatal {
			t.Logf("procs=4 seed=%d: outcome %v, stdout %q", seed, res.Outcome, res.Stdout)
			continue
		}
		crashed++
		lines := strings.Split(string(res.Stderr), "\n")
		if lines[0] != "fatal error: concurrent map writes" || res.ExitCode != 2 {
			t.Errorf("seed=%d: exit %d, stderr:\n%s", seed, res.ExitCode, res.Stderr)
		}
		if len(lines) < 4 || lines[1] != "" || !strings.HasSuffix(lines[2], " [running]:") || lines[3] != "created by goroutine 1" ||
			strings.Count(string(res.Stderr), "goroutine ") != 2 {
			t.Errorf("seed=%d: want one goroutine, running, created by main; stderr:\n%s", seed, res.Stderr)
		}
		if again := runMap(t, racy, 4, seed); string(again.Stderr) != string(res.Stderr) || again.Stats != res.Stats {
			t.Errorf("seed=%d twice: stderr %q and %q", seed, res.Stderr, again.Stderr)
		}
	}
	if crashed < 8 {
		t.Errorf("%d of 10 seeds crashed on 4 Ps, want most", crashed)
	}
	const n = 5000
	want := "map[ping:5000 pong:5000]\n"
	for _, tt := range []struct {
		name, src string
		procs     int
	}{
		{"one P", wordsProgram(n, "counts[word]++"), 1},
		{"mutex", wordsProgram(n, "mu.Lock(); counts[word]++; mu.Unlock()"), 4},
		{"sync.Map", strings.Replace(wordsProgram(n, `v, _ := sm.LoadOrStore(word, new(int)); *v.(*int)++; if i == 4999 { mu.Lock(); counts[word] = *v.(*int); mu.Unlock() }`),
			"var _ sync.Map", "var sm sync.Map", 1), 4},
	} {
		for seed := range uint64(3) {
			res := runMap(t, tt.src, tt.procs, seed)
			if res.Outcome != runner.OutcomeOK || string(res.Stdout) != want {
				t.Errorf("%s, seed=%d: outcome %v, stdout %q, stderr %q%s", tt.name, seed, res.Outcome, res.Stdout, res.Stderr, res.Detail)
			}
		}
	}
}

// TestConcurrentMapAccesses: every kind of write is checked (assignment,
// delete, clear, op=, through a parameter, a field or a map type's method),
// reads and range loops that meet a write die with gc's messages, and
// maps of a goroutine's own never do.
func TestConcurrentMapAccesses(t *testing.T) {
	const prog = `package main

import (
	"fmt"
	"sync"
)

type set map[int]int

func (s set) put(k, v int) { s[k] = v }

type box struct{ m map[int]int }

var shared = map[int]int{}

func writer(m map[int]int, i int) { %s }

func other(m map[int]int, i int) int { %s; return 0 }

func main() {
	var wg sync.WaitGroup
	wg.Go(func() {
		for i := range 5_000 {
			writer(shared, i)
		}
	})
	wg.Go(func() {
		n := 0
		for i := range 5_000 {
			n += other(shared, i)
		}
	})
	wg.Wait()
	fmt.Println("done")
}
`
	for _, tt := range []struct {
		name, w, o, want string
	}{
		{"assign", "m[i%7] = i", "m[i%5] = i", "concurrent map writes"},
		{"delete", "m[i%7] = i", "delete(m, i%5)", "concurrent map writes"},
		{"clear", "m[i%7] = i", "if i%100 == 0 { clear(m) }", "concurrent map writes"},
		{"op=", "m[i%7] += 2", "m[i%3] -= 1", "concurrent map writes"},
		{"method", "set(m).put(i%7, i)", "m[i%5] = i", "concurrent map writes"},
		{"field", "b := box{m}; b.m[i%7] = i", "m[i%5] = i", "concurrent map writes"},
		{"read", "m[i%7] = i", "_ = m[i%5]", "concurrent map read and map write"},
		{"comma-ok", "m[i%7] = i", "if _, ok := m[i%5]; ok { i++ }", "concurrent map read and map write"},
		{"range", "m[i%7] = i", "for k := range m { _ = k }", "concurrent map iteration and map write"},
		{"own maps", "own := map[int]int{}; own[i] = i", "own := make(map[int]int); own[i]++; delete(own, i)", ""},
		{"readers", "_ = m[i%7]", "for k, v := range m { _, _ = k, v }", ""},
	} {
		src := fmt.Sprintf(prog, tt.w, tt.o)
		crashed := 0
		for seed := range uint64(4) {
			res := runMap(t, src, 4, seed)
			if tt.want == "" {
				if res.Outcome != runner.OutcomeOK {
					t.Errorf("%s, seed=%d: outcome %v: %s%s", tt.name, seed, res.Outcome, res.Stderr, res.Detail)
				}
				continue
			}
			if res.Outcome == runner.OutcomeOK {
				continue
			}
			crashed++
			if first, _, _ := strings.Cut(string(res.Stderr), "\n"); first != "fatal error: "+tt.want || res.ExitCode != 2 {
				t.Errorf("%s, seed=%d: exit %d, stderr %q%s, want fatal error: %s", tt.name, seed, res.ExitCode, res.Stderr, res.Detail, tt.want)
			}
		}
		if tt.want != "" && crashed == 0 {
			t.Errorf("%s: no seed of 4 crashed", tt.name)
		}
	}
}

// BenchmarkMapWindow is the cost of map windows and checks: a
// 1M-iteration loop writing, or reading, a map of main's own (no window,
// no check) or a package-level map (a window before each write, a check
// before each read), on one P, where a write's window makes no call, and
// on four, where it does (and no other goroutine runs, so it never
// switches); a read's check makes no call on either.
func BenchmarkMapWindow(b *testing.B) {
	for _, tt := range []struct {
		name, decl, stmt string
		procs            int
	}{
		{"write-own", "m := map[int]int{};", "m[i&7] = i", 1},
		{"write-shared", "", "g[i&7] = i", 1},
		{"write-shared-procs4", "", "g[i&7] = i", 4},
		{"read-own", "m := map[int]int{};", "n += m[i&7]", 1},
		{"read-shared-procs4", "", "n += g[i&7]", 4},
	} {
		src := fmt.Sprintf(`package main

import "fmt"

var g = map[int]int{}

func main() {
	%s
	n := 0
	for i := range 1_000_000 {
		%s
	}
	fmt.Println(n, len(g))
}
`, tt.decl, tt.stmt)
		b.Run(tt.name, func(b *testing.B) {
			for range b.N {
				if _, err := runner.Run(context.Background(), []byte(src), runner.Options{Procs: tt.procs}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
