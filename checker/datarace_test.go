package checker_test

import (
	"strings"
	"testing"

	"github.com/gotour-gpm/gotour-gpm/checker"
)

// raceVariants are answers to fork-join-sum written the ways learners
// write them, and whether they have a data race as go run -race judges
// it. The syntactic check this detector replaced refused the first three
// and passed the races outside a go func literal.
var raceVariants = []struct {
	name, body string
	racy       bool
}{
	{"own variables", `
	var a, b, c, d int
	var wg sync.WaitGroup
	wg.Add(4)
	go func() { defer wg.Done(); a = sumSquares(0, 250) }()
	go func() { defer wg.Done(); b = sumSquares(250, 500) }()
	go func() { defer wg.Done(); c = sumSquares(500, 750) }()
	go func() { defer wg.Done(); d = sumSquares(750, 1000) }()
	wg.Wait()
	fmt.Println("sum:", a+b+c+d)`, false},
	{"own pointers", `
	partial := make([]int, 4)
	var wg sync.WaitGroup
	for p := range 4 {
		wg.Add(1)
		go fill(&partial[p], p*250, (p+1)*250, &wg)
	}
	wg.Wait()
	fmt.Println("sum:", partial[0]+partial[1]+partial[2]+partial[3])`, false},
	{"total under a mutex", `
	var mu sync.Mutex
	total := 0
	var wg sync.WaitGroup
	for p := range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			s := sumSquares(p*250, (p+1)*250)
			mu.Lock()
			total += s
			mu.Unlock()
		}()
	}
	wg.Wait()
	fmt.Println("sum:", total)`, false},
	{"race in a named function", `
	var wg sync.WaitGroup
	for p := range 4 {
		wg.Add(1)
		go addPart(p*250, (p+1)*250, &wg)
	}
	wg.Wait()
	fmt.Println("sum:", shared)`, true},
	{"one literal's goroutines share a map", `
	sums := map[int]int{}
	var wg sync.WaitGroup
	for p := range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			sums[p] = sumSquares(p*250, (p+1)*250)
		}()
	}
	wg.Wait()
	fmt.Println("sum:", sums[0]+sums[1]+sums[2]+sums[3])`, true},
	{"read before the join", `
	partial := make([]int, 4)
	var wg sync.WaitGroup
	for p := range 4 {
		wg.Add(1)
		go fill(&partial[p], p*250, (p+1)*250, &wg)
	}
	fmt.Println("sum:", partial[0]+partial[1]+partial[2]+partial[3])
	wg.Wait()`, true},
}

const raceVariantHead = `package main

import (
	"fmt"
	"sync"
)

var shared int

func sumSquares(lo, hi int) int {
	total := 0
	for i := lo; i < hi; i++ {
		total += i * i
	}
	return total
}

func fill(dst *int, lo, hi int, wg *sync.WaitGroup) {
	defer wg.Done()
	*dst = sumSquares(lo, hi)
}

func addPart(lo, hi int, wg *sync.WaitGroup) {
	defer wg.Done()
	shared += sumSquares(lo, hi)
}

func main() {`

// TestNoDataRace grades each variant and looks at the data-race check
// alone: it fails exactly the racy ones, naming the variable.
func TestNoDataRace(t *testing.T) {
	ex := lookup(t, "fork-join-sum")
	for _, v := range raceVariants {
		t.Run(v.name, func(t *testing.T) {
			t.Parallel()
			rep, en, _ := check(t, ex, raceVariantHead+v.body+"\n}\n")
			c := raceCase(t, rep)
			want := checker.Pass
			if v.racy {
				want = checker.Fail
			}
			if c.Status != want {
				t.Errorf("data-race check: %s, want %s\n%s", c.Status, want, en)
			}
			if v.racy && !strings.Contains(c.Message.En, "that is a data race") {
				t.Errorf("message %q", c.Message.En)
			}
		})
	}
}

func raceCase(t *testing.T, rep *checker.Report) checker.CaseResult {
	t.Helper()
	for _, c := range rep.Cases {
		if strings.HasPrefix(c.Name.En, "no data race") {
			return c
		}
	}
	t.Fatal("no data-race check in the report")
	return checker.CaseResult{}
}
