package checker_test

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/gotour-gpm/gotour-gpm/checker"
)

// The real toolchain is the oracle of the corpus: "go test -run
// TestCorpusReal -realgo" runs every corpus program, and each exercise's
// reference solution, with "go run" and "go run -race" and keeps what
// they showed in NAME.real beside NAME.go. TestCorpusReal, without the
// flag, checks those files against the programs' "// real:" lines:
//
//	clean   go run exits 0, and for a right answer (every one is clean,
//	        with or without the line) go run -race reports no race
//	race    go run -race reports a data race
//	exit    go run exits with a non-zero status (a deadlock, a panic)
//	output  go run exits 0 but prints something else than the reference
//
// A fault the real toolchain cannot show in one run (a hard-coded answer,
// a sleep that orders the output) is "clean": the grader alone sees it.
var realGo = flag.Bool("realgo", false, "run the corpus with the real go toolchain and rewrite testdata/*/ID/NAME.real")

// realResult is what the real toolchain showed for one program.
type realResult struct {
	Exit   int
	Race   bool
	Stdout string
}

func (r realResult) encode() []byte {
	return fmt.Appendf(nil, "exit: %d\nrace: %t\nstdout:\n%s", r.Exit, r.Race, r.Stdout)
}

func decodeReal(data []byte) (realResult, error) {
	var r realResult
	head, out, ok := strings.Cut(string(data), "stdout:\n")
	if !ok {
		return r, errors.New("no stdout: line")
	}
	r.Stdout = out
	for _, l := range strings.Split(strings.TrimSpace(head), "\n") {
		k, v, _ := strings.Cut(l, ": ")
		switch k {
		case "exit":
			r.Exit, _ = strconv.Atoi(v)
		case "race":
			r.Race = v == "true"
		}
	}
	return r, nil
}

func TestCorpusReal(t *testing.T) {
	for _, id := range checker.IDs() {
		t.Run(id, func(t *testing.T) {
			t.Parallel()
			ex := lookup(t, id)
			refPath := filepath.Join("testdata", "right", id, "_reference.real")
			if *realGo && !fresh(refPath, "testdata/gopath/src/gpm/gpm.go") {
				writeReal(t, refPath, ex.Solution, "", true)
			}
			ref := readReal(t, refPath)
			if ref.Exit != 0 || ref.Race {
				t.Errorf("the reference solution is not clean under the real toolchain: %+v", ref)
			}
			for _, kind := range []string{"wrong", "right"} {
				for _, c := range readCorpus(t, kind, id) {
					golden := strings.TrimSuffix(c.path, ".go") + ".real"
					if *realGo {
						// -race is slow to build: run it where it decides.
						writeReal(t, golden, c.src, c.path, kind == "right" || c.real == "race")
					}
					checkReal(t, c, kind, readReal(t, golden), ref)
				}
			}
		})
	}
}

// checkReal compares what the real toolchain showed with c's real line.
func checkReal(t *testing.T, c corpusFile, kind string, got, ref realResult) {
	t.Helper()
	want := c.real
	if kind == "right" {
		if want != "" && want != "clean" {
			t.Errorf("%s: a right answer is real: clean, not %q", c.path, want)
		}
		want = "clean"
	}
	ok := false
	switch want {
	case "clean":
		ok = got.Exit == 0 && !(kind == "right" && got.Race)
	case "race":
		ok = got.Race
	case "exit":
		ok = got.Exit != 0
	case "output":
		ok = got.Exit == 0 && got.Stdout != ref.Stdout
	default:
		t.Errorf("%s: real: %q, want clean, race, exit or output", c.path, want)
		return
	}
	if !ok {
		t.Errorf("%s: real: %s, but the real toolchain showed exit %d, race %t, stdout:\n%s", c.path, want, got.Exit, got.Race, got.Stdout)
	}
}

func readReal(t *testing.T, path string) realResult {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./checker -run TestCorpusReal -realgo)", err)
	}
	r, err := decodeReal(data)
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return r
}

// writeReal runs src with the real toolchain, plainly and with -race
// (up to three times, as a race shows only when the accesses overlap),
// and writes what it showed to path. It leaves a path newer than its
// program alone: -realgo rewrites what changed.
func writeReal(t *testing.T, path, src, prog string, race bool) {
	t.Helper()
	if fresh(path, prog) {
		return
	}
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "prog.go"), []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	var r realResult
	r.Exit, r.Stdout, _ = runBuilt(t, dir, "prog")
	for range 3 {
		if !race {
			break
		}
		_, _, stderr := runBuilt(t, dir, "prog.race", "-race")
		if r.Race = strings.Contains(stderr, "WARNING: DATA RACE"); r.Race {
			break
		}
	}
	if err := os.WriteFile(path, r.encode(), 0o644); err != nil {
		t.Fatal(err)
	}
}

// fresh reports whether path exists and is newer than prog ("" for a
// program that is not a file).
func fresh(path, prog string) bool {
	out, err := os.Stat(path)
	if err != nil || prog == "" {
		return false
	}
	in, err := os.Stat(prog)
	return err == nil && out.ModTime().After(in.ModTime())
}

// runBuilt builds prog.go in dir with "go build" into exe, in GOPATH mode
// with testdata/gopath (whose package gpm stands in for the simulator's),
// and runs it for at most a minute: a program that blocks forever without
// the runtime seeing a deadlock is killed, and counts as exiting badly.
func runBuilt(t *testing.T, dir, exe string, flags ...string) (exit int, stdout, stderr string) {
	t.Helper()
	gopath, err := filepath.Abs(filepath.Join("testdata", "gopath"))
	if err != nil {
		t.Fatal(err)
	}
	build := exec.Command("go", append(append([]string{"build", "-o", exe}, flags...), "prog.go")...)
	build.Dir = dir
	build.Env = append(os.Environ(), "GO111MODULE=off", "GOPATH="+gopath, "GOFLAGS=")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("%s does not compile with the real toolchain: %v\n%s", dir, err, out)
	}
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, filepath.Join(dir, exe))
	cmd.WaitDelay = time.Second
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	err = cmd.Run()
	var ee *exec.ExitError
	switch {
	case errors.As(err, &ee):
		exit = ee.ExitCode()
	case ctx.Err() != nil:
		exit = -1
	case err != nil:
		t.Fatalf("running %s: %v", dir, err)
	}
	return exit, out.String(), errb.String()
}
