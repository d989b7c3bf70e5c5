package checker_test

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/gotour-gpm/gotour-gpm/checker"
)

// The corpus: testdata/wrong/ID/NAME.go are wrong answers to exercise ID,
// testdata/right/ID/NAME.go right ones written otherwise than the
// reference solution, all as a learner would write them from the task.
// A file's first comment lines say what is expected of it:
//
//	// fails: ID ...     the ids of checks that must fail (wrong answers)
//	// want: TEXT        text the English report must contain (optional)
//	// real: KIND        what the real toolchain shows (see real_test.go)
//	// pending: REASON   the grader does not give this verdict yet
//
// A pending file is not skipped: the test runs it, reports it as pending
// with its reason, and fails once the grader gets it right, so that the
// mark is removed.

// corpusFile is one program of the corpus and what is expected of it.
type corpusFile struct {
	path, name string
	src        string
	fails      []string // check ids that must fail; none for a right answer
	want       []string
	real       string
	pending    string
}

// readCorpus reads the programs of testdata/KIND/ID ("wrong" or "right").
func readCorpus(t *testing.T, kind, id string) []corpusFile {
	t.Helper()
	files, err := filepath.Glob(filepath.Join("testdata", kind, id, "*.go"))
	if err != nil {
		t.Fatal(err)
	}
	var out []corpusFile
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		c := corpusFile{path: f, name: strings.TrimSuffix(filepath.Base(f), ".go"), src: string(data)}
		for _, l := range strings.Split(c.src, "\n") {
			if !strings.HasPrefix(l, "//") {
				break
			}
			key, val, _ := strings.Cut(strings.TrimPrefix(l, "// "), ": ")
			switch key {
			case "fails":
				c.fails = append(c.fails, strings.Fields(val)...)
			case "want":
				c.want = append(c.want, val)
			case "real":
				c.real = val
			case "pending":
				c.pending = val
			}
		}
		out = append(out, c)
	}
	return out
}

// Each exercise's corpus has at least this many wrong and right answers.
const minWrong, minRight = 6, 4

// TestCorpus grades every program of the corpus: a wrong answer fails,
// with each of its "fails" checks failing; a right answer passes.
func TestCorpus(t *testing.T) {
	for _, id := range checker.IDs() {
		t.Run(id, func(t *testing.T) {
			t.Parallel()
			ex := lookup(t, id)
			wrong, right := readCorpus(t, "wrong", id), readCorpus(t, "right", id)
			if len(wrong) < minWrong || len(right) < minRight {
				t.Errorf("corpus of %s: %d wrong and %d right answers, want at least %d and %d", id, len(wrong), len(right), minWrong, minRight)
			}
			skipSlow(t, id, true)
			for _, c := range append(wrong, right...) {
				t.Run(c.name, func(t *testing.T) {
					checkCorpusFile(t, ex, c, strings.Contains(c.path, "wrong"))
				})
			}
		})
	}
}

// checkCorpusFile grades one corpus program and compares the verdict with
// what its header expects.
func checkCorpusFile(t *testing.T, ex *checker.Exercise, c corpusFile, wrong bool) {
	if wrong && len(c.fails) == 0 {
		t.Fatalf("%s: no // fails: line", c.path)
	}
	rep, en, zh := check(t, ex, c.src)
	failed := failedIDs(rep)
	var problems []string
	switch {
	case wrong && rep.Pass:
		problems = append(problems, "passes; it must not")
	case wrong:
		for _, id := range c.fails {
			if !slices.Contains(failed, id) {
				problems = append(problems, "check "+id+" does not fail (failed: "+strings.Join(failed, ", ")+")")
			}
		}
	case !rep.Pass:
		problems = append(problems, "fails ("+strings.Join(failed, ", ")+"); it must pass")
	}
	if c.pending != "" {
		if len(problems) == 0 {
			t.Errorf("%s is marked pending (%s) but the grader now gives the right verdict: remove the mark", c.path, c.pending)
		} else {
			t.Logf("PENDING %s: %s (%s)", c.path, strings.Join(problems, "; "), c.pending)
		}
		return
	}
	for _, p := range problems {
		t.Errorf("%s %s:\n%s", c.path, p, en)
	}
	if wrong && len(problems) == 0 {
		checkWants(t, en, c.want)
		checkTranslated(t, rep, zh)
	}
}

// failedIDs lists the ids of the checks that failed.
func failedIDs(rep *checker.Report) []string {
	var ids []string
	for _, c := range rep.Cases {
		if c.Status == checker.Fail {
			ids = append(ids, c.ID)
		}
	}
	return ids
}
