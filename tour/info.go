package tour

import (
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
)

// MaxProcs is the largest procs= or cpus= a snippet may ask for. The real
// runtime has no such small limit, but no lesson gets clearer with more
// than a few Ps, and every P is a lane in the timeline picture; 64 leaves
// room for a "many Ps" demonstration.
const MaxProcs = 64

// A View is one picture the simulator can draw under a runnable snippet,
// chosen with show= in the fence info string.
type View string

// The views. The simulator and the renderers decide what each picture looks
// like; the comments say what it is about.
const (
	ViewTimeline View = "timeline" // one lane per P over virtual time: which G ran when
	ViewQueues   View = "queues"   // runnext, the local run queues and the global queue at each step
	ViewStack    View = "stack"    // goroutine stack sizes: growth by doubling, copying, shrinking
	ViewChan     View = "chan"     // channel buffers and their send and receive wait queues
	ViewSummary  View = "summary"  // counts: goroutines, switches, steals, virtual time used
	ViewTrace    View = "trace"    // the raw scheduler event trace, one event per line
)

// views is the fixed set show= is validated against, in documentation order.
var views = []View{ViewTimeline, ViewQueues, ViewStack, ViewChan, ViewSummary, ViewTrace}

// A Failure is the way a snippet is meant to fail, set with expect=.
// The zero value means the snippet is meant to exit normally.
//
// A deadlock is a fatal error too, but it has its own name: it is the
// fatal error lessons show most, and its report is always the same line.
// "fatal" is for the others, such as a stack overflow, whose report
// starts with a "runtime: ..." line; a snippet that expects one should
// say which with an "output stderr" block.
type Failure string

// The failures a snippet may expect.
const (
	FailDeadlock Failure = "deadlock" // "fatal error: all goroutines are asleep - deadlock!", exit status 2
	FailPanic    Failure = "panic"    // an unrecovered panic, exit status 2
	FailFatal    Failure = "fatal"    // any other fatal error, such as "fatal error: stack overflow", exit status 2
	FailExit     Failure = "exit"     // os.Exit with a non-zero status
)

var failures = []Failure{FailDeadlock, FailPanic, FailFatal, FailExit}

// Info holds the settings of a runnable snippet, parsed from its fence info
// string by [ParseInfo]. The package documentation describes each setting.
// Fields that were not given hold their defaults, so two info strings that
// differ only in spelling out a default compare equal.
type Info struct {
	// ID names the snippet; it is unique within a lesson and shared by the
	// zh and en versions of the lesson.
	ID string
	// Procs is GOMAXPROCS for the run: the number of Ps. Default 1.
	Procs int
	// CPUs is the number of CPUs of the simulated machine, which is what
	// runtime.NumCPU reports. Default: the same as Procs.
	CPUs int
	// Seed seeds the simulator's choices (steal order and the like).
	// Default 0, which is a seed like any other.
	Seed uint64
	// Show lists the pictures to draw under the snippet, in the author's order.
	Show []View
	// Exercise is the id of the exercise this snippet is the starter code of.
	Exercise string
	// NoRun marks a snippet that is shown and compiled but never run.
	NoRun bool
	// NoBuild marks a snippet that is shown but not even compiled:
	// a deliberately broken example. It implies NoRun.
	NoBuild bool
	// Expect is how the snippet is meant to fail; "" means it exits normally.
	Expect Failure
}

// withDefaults fills the settings that were not given.
func (in Info) withDefaults() Info {
	if in.Procs == 0 {
		in.Procs = 1 // one P, as with GOMAXPROCS=1: the real runtime's order is reproducible there, so outputs can be checked
	}
	if in.CPUs == 0 {
		in.CPUs = in.Procs
	}
	return in
}

// Runs reports whether the snippet is run (it has neither norun nor nobuild).
func (in Info) Runs() bool { return !in.NoRun && !in.NoBuild }

// String returns the canonical info string: "go run" followed by the
// settings that differ from their defaults, in the order of the grammar.
// ParseInfo(in.String()) gives back in.
func (in Info) String() string {
	w := []string{"go", "run", "id=" + in.ID}
	if in.Procs != 1 {
		w = append(w, "procs="+strconv.Itoa(in.Procs))
	}
	if in.CPUs != in.Procs {
		w = append(w, "cpus="+strconv.Itoa(in.CPUs))
	}
	if in.Seed != 0 {
		w = append(w, "seed="+strconv.FormatUint(in.Seed, 10))
	}
	if len(in.Show) > 0 {
		s := make([]string, len(in.Show))
		for i, v := range in.Show {
			s[i] = string(v)
		}
		w = append(w, "show="+strings.Join(s, ","))
	}
	if in.Exercise != "" {
		w = append(w, "exercise="+in.Exercise)
	}
	if in.NoRun {
		w = append(w, "norun")
	}
	if in.NoBuild {
		w = append(w, "nobuild")
	}
	if in.Expect != "" {
		w = append(w, "expect="+string(in.Expect))
	}
	return strings.Join(w, " ")
}

// ParseInfo parses the info string of a runnable fence, such as
// "go run id=spawn procs=2 show=timeline". The grammar is in the package
// documentation. Errors carry no position; [Parse] adds file:line.
func ParseInfo(s string) (Info, error) {
	words := strings.Fields(s)
	if len(words) < 2 || words[0] != "go" || words[1] != "run" {
		return Info{}, fmt.Errorf("info string %q does not start with \"go run\"", s)
	}
	var in Info
	seen := map[string]bool{}
	var errs []error
	for _, w := range words[2:] {
		key, val, hasVal := strings.Cut(w, "=")
		if seen[key] {
			errs = append(errs, fmt.Errorf("setting %q given twice", key))
			continue
		}
		seen[key] = true
		if err := in.set(key, val, hasVal); err != nil {
			errs = append(errs, err)
		}
	}
	if err := errors.Join(errs...); err != nil {
		return Info{}, err
	}
	in = in.withDefaults()
	if err := in.validate(seen); err != nil {
		return Info{}, err
	}
	return in, nil
}

// set applies one setting. Flags (norun, nobuild) take no value; every
// other setting needs a non-empty one.
func (in *Info) set(key, val string, hasVal bool) error {
	switch key {
	case "norun", "nobuild":
		if hasVal {
			return fmt.Errorf("setting %q takes no value", key)
		}
		in.NoRun = in.NoRun || key == "norun"
		in.NoBuild = in.NoBuild || key == "nobuild"
		return nil
	}
	if !hasVal || val == "" {
		if _, known := settingNames[key]; !known {
			return fmt.Errorf("unknown setting %q", key)
		}
		return fmt.Errorf("setting %q needs a value (%s=...)", key, key)
	}
	var err error
	switch key {
	case "id":
		in.ID, err = slugValue(key, val)
	case "exercise":
		in.Exercise, err = slugValue(key, val)
	case "procs":
		in.Procs, err = procsValue(key, val)
	case "cpus":
		in.CPUs, err = procsValue(key, val)
	case "seed":
		in.Seed, err = uintValue(key, val)
	case "show":
		in.Show, err = showValue(val)
	case "expect":
		in.Expect, err = expectValue(val)
	default:
		err = fmt.Errorf("unknown setting %q", key)
	}
	return err
}

// settingNames lists the settings that take a value, for error messages.
var settingNames = map[string]struct{}{
	"id": {}, "procs": {}, "cpus": {}, "seed": {}, "show": {}, "exercise": {}, "expect": {},
}

// validate checks the rules that involve more than one setting; seen holds
// the settings that were given.
func (in Info) validate(seen map[string]bool) error {
	var errs []error
	if in.ID == "" {
		errs = append(errs, errors.New("runnable snippet has no id= setting"))
	}
	if in.NoBuild && in.NoRun {
		errs = append(errs, errors.New("nobuild implies norun: give only nobuild"))
	}
	if !in.Runs() {
		flag := "norun"
		if in.NoBuild {
			flag = "nobuild"
		}
		if seen["procs"] || seen["cpus"] || seen["seed"] || seen["show"] || seen["expect"] {
			errs = append(errs, fmt.Errorf("procs, cpus, seed, show and expect need a run: not allowed with %s", flag))
		}
	}
	if in.NoBuild && in.Exercise != "" {
		errs = append(errs, errors.New("an exercise's starter code must build: exercise= not allowed with nobuild"))
	}
	return errors.Join(errs...)
}

func slugValue(key, val string) (string, error) {
	if !isSlug(val) {
		return "", fmt.Errorf("%s=%q is not a slug (lower-case letters, digits, single hyphens)", key, val)
	}
	return val, nil
}

func procsValue(key, val string) (int, error) {
	n, err := uintValue(key, val)
	if err != nil {
		return 0, err
	}
	if n < 1 || n > MaxProcs {
		return 0, fmt.Errorf("%s=%s out of range 1..%d", key, val, MaxProcs)
	}
	return int(n), nil
}

// uintValue accepts decimal digits only: no sign, no 0x, no underscores.
func uintValue(key, val string) (uint64, error) {
	for _, c := range val {
		if c < '0' || c > '9' {
			return 0, fmt.Errorf("%s=%q is not a decimal number", key, val)
		}
	}
	n, err := strconv.ParseUint(val, 10, 64)
	if err != nil {
		return 0, fmt.Errorf("%s=%s is too large", key, val)
	}
	return n, nil
}

func showValue(val string) ([]View, error) {
	var show []View
	for _, name := range strings.Split(val, ",") {
		v := View(name)
		if !slices.Contains(views, v) {
			return nil, fmt.Errorf("show=%s: unknown view %q (want one of %s)", val, name, list(views))
		}
		if slices.Contains(show, v) {
			return nil, fmt.Errorf("show=%s: view %q listed twice", val, name)
		}
		show = append(show, v)
	}
	return show, nil
}

func expectValue(val string) (Failure, error) {
	f := Failure(val)
	if !slices.Contains(failures, f) {
		return "", fmt.Errorf("expect=%s: want one of %s", val, list(failures))
	}
	return f, nil
}

// list formats a set of allowed values for an error message: "a|b|c".
func list[T ~string](s []T) string {
	w := make([]string, len(s))
	for i, v := range s {
		w[i] = string(v)
	}
	return strings.Join(w, "|")
}

// isSlug reports whether s is a slug: lower-case ASCII letters and digits
// in runs joined by single hyphens, like "work-stealing" or "gmp2".
// Lesson ids, snippet ids, exercise ids and section anchors are slugs.
func isSlug(s string) bool {
	if s == "" || s[0] == '-' || s[len(s)-1] == '-' || strings.Contains(s, "--") {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !('a' <= c && c <= 'z' || '0' <= c && c <= '9' || c == '-') {
			return false
		}
	}
	return true
}
