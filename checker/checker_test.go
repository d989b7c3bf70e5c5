package checker_test

import (
	"context"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/gotour-gpm/gotour-gpm/checker"
	"github.com/gotour-gpm/gotour-gpm/internal/i18n"
)

// check grades src and returns the report and its text in both languages.
func check(t *testing.T, ex *checker.Exercise, src string) (*checker.Report, string, string) {
	t.Helper()
	// The tests grade many programs at once (t.Parallel), each on one
	// goroutine here, and give runs more wall-clock time than a learner's
	// check does: the limit is for a machine that grades one program, not
	// for a busy test machine.
	opts := checker.Options{Parallel: 1, RunTimeout: 3 * time.Minute}
	rep, err := checker.Check(context.Background(), ex, []byte(src), opts)
	if err != nil {
		t.Fatalf("Check(%s): %v", ex.ID, err)
	}
	var en, zh strings.Builder
	rep.WriteText(&en, checker.TextOptions{Lang: i18n.En})
	rep.WriteText(&zh, checker.TextOptions{Lang: i18n.Zh})
	return rep, en.String(), zh.String()
}

func lookup(t *testing.T, id string) *checker.Exercise {
	t.Helper()
	ex, err := checker.Lookup(id)
	if err != nil {
		t.Fatal(err)
	}
	return ex
}

// slow lists the exercises whose runs take about a second each (ten
// thousand goroutines, two million loop iterations): -short skips their
// wrong answers, and -race skips them altogether.
var slow = map[string]bool{"many-goroutines": true, "fork-join-sum": true}

// skipSlow skips a test of a slow exercise under -race, and under -short
// too if short is set.
func skipSlow(t *testing.T, id string, short bool) {
	t.Helper()
	if slow[id] && (raceEnabled || short && testing.Short()) {
		t.Skipf("%s is slow: skipped with -race or -short", id)
	}
}

// TestStarterFailsSolutionPasses is the content check of every exercise:
// the starter, in both languages, compiles and does not pass, and the
// reference solution passes.
func TestStarterFailsSolutionPasses(t *testing.T) {
	all, err := checker.All()
	if err != nil {
		t.Fatal(err)
	}
	for _, ex := range all {
		t.Run(ex.ID, func(t *testing.T) {
			t.Parallel()
			skipSlow(t, ex.ID, false)
			rep, text, _ := check(t, ex, ex.Solution)
			if !rep.Pass {
				t.Errorf("the reference solution does not pass:\n%s", text)
			}
			for _, lang := range []i18n.Lang{i18n.En, i18n.Zh} {
				if lang == i18n.Zh && (testing.Short() || raceEnabled) {
					continue // the same code as in English, comments aside
				}
				rep, text, _ := check(t, ex, ex.Starter.In(lang))
				if rep.Pass {
					t.Errorf("the %s starter passes; it must not", lang)
				}
				if rep.Cases[0].Status != checker.Pass {
					t.Errorf("the %s starter does not compile:\n%s", lang, text)
				}
			}
		})
	}
}

// wrongAnswer is a testdata/wrong/ID/NAME.go file: a typical wrong answer
// and, in its "// want: " comment lines, text the English report must
// contain.
type wrongAnswer struct {
	name string
	src  string
	want []string
}

func readWrong(t *testing.T, dir string) []wrongAnswer {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(dir, "*.go"))
	if err != nil {
		t.Fatal(err)
	}
	var out []wrongAnswer
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		w := wrongAnswer{name: strings.TrimSuffix(filepath.Base(f), ".go"), src: string(data)}
		for _, l := range strings.Split(w.src, "\n") {
			if v, ok := strings.CutPrefix(l, "// want: "); ok {
				w.want = append(w.want, v)
			}
		}
		if len(w.want) == 0 {
			t.Fatalf("%s: no // want: line", f)
		}
		out = append(out, w)
	}
	return out
}

// checkWants checks that the report contains each wanted text, with
// white space (the report wraps long messages) normalized.
func checkWants(t *testing.T, report string, wants []string) {
	t.Helper()
	flat := strings.Join(strings.Fields(report), " ")
	for _, want := range wants {
		if !strings.Contains(flat, strings.Join(strings.Fields(want), " ")) {
			t.Errorf("report lacks %q:\n%s", want, report)
		}
	}
}

// checkTranslated checks that every failing case of rep has a message in
// Chinese too.
func checkTranslated(t *testing.T, rep *checker.Report, zh string) {
	t.Helper()
	for _, c := range rep.Cases {
		if c.Status != checker.Pass && (c.Message.Zh == "" || c.Name.Zh == "") {
			t.Errorf("case %q has no Chinese message:\n%s", c.Name.En, zh)
		}
	}
}

// TestBadInput grades programs that misbehave in every way the sandbox
// knows against one exercise: each is a failing report with a clear
// message, never an error or a crash.
func TestBadInput(t *testing.T) {
	ex := lookup(t, "concurrent-tasks")
	for _, w := range readWrong(t, filepath.Join("testdata", "wrong", "bad")) {
		t.Run(w.name, func(t *testing.T) {
			t.Parallel()
			rep, en, zh := check(t, ex, w.src)
			if rep.Pass {
				t.Fatalf("%s passes:\n%s", w.name, en)
			}
			checkWants(t, en, w.want)
			checkTranslated(t, rep, zh)
		})
	}
}

// TestExerciseContent checks the loaded texts: a title, a task and at
// least two hints in both languages, a starter in both, a lesson.
func TestExerciseContent(t *testing.T) {
	all, err := checker.All()
	if err != nil {
		t.Fatal(err)
	}
	if len(all) != len(checker.IDs()) {
		t.Errorf("All returns %d exercises, IDs %d", len(all), len(checker.IDs()))
	}
	for _, ex := range all {
		for _, tx := range []struct {
			what string
			text i18n.Text
		}{{"title", ex.Title}, {"task", ex.Task}, {"starter", ex.Starter}} {
			if tx.text.En == "" || tx.text.Zh == "" {
				t.Errorf("%s: %s missing in a language: %+v", ex.ID, tx.what, tx.text)
			}
		}
		if len(ex.Hints) < 2 {
			t.Errorf("%s: %d hints, want at least 2", ex.ID, len(ex.Hints))
		}
		if ex.Lesson == "" || ex.Solution == "" {
			t.Errorf("%s: lesson %q, solution of %d bytes", ex.ID, ex.Lesson, len(ex.Solution))
		}
		if strings.HasPrefix(ex.Solution, "//go:build") {
			t.Errorf("%s: the solution keeps its build constraint", ex.ID)
		}
	}
	if _, err := checker.Lookup("no-such-exercise"); err == nil {
		t.Error("Lookup of an unknown id succeeded")
	}
	ids := checker.IDs()
	if !slices.Contains(ids, "fix-deadlock") {
		t.Errorf("IDs() = %v, want fix-deadlock among them", ids)
	}
}

var checkID = regexp.MustCompile(`^[a-z0-9]([a-zA-Z0-9./-]*[a-zA-Z0-9])?$`)

// TestCheckIDs checks that every case has a stable id, well formed and
// unique within its exercise: the corpus and the JSON report name checks
// by it.
func TestCheckIDs(t *testing.T) {
	all, err := checker.All()
	if err != nil {
		t.Fatal(err)
	}
	for _, ex := range all {
		seen := map[string]bool{"compiles": true}
		for _, c := range ex.Cases {
			if !checkID.MatchString(c.ID) {
				t.Errorf("%s: case %q has id %q", ex.ID, c.Name.En, c.ID)
			}
			if seen[c.ID] {
				t.Errorf("%s: two cases have id %q", ex.ID, c.ID)
			}
			seen[c.ID] = true
		}
	}
}
