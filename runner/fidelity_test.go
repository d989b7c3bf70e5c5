package runner_test

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	. "github.com/gotour-gpm/gotour-gpm/runner"
)

// TestFidelity runs every program of the corpus on the simulator and
// compares it with what the real toolchain printed (the golden files
// TestOracle records): stdout byte for byte, the first line of stderr and
// the goroutine headers of panic and fatal reports, and the exit code.
func TestFidelity(t *testing.T) {
	for _, c := range corpora {
		files, _ := filepath.Glob(filepath.Join(c.dir, "*.go"))
		if len(files) == 0 {
			t.Fatalf("no programs in %s", c.dir)
		}
		for _, f := range files {
			name := strings.TrimSuffix(filepath.Base(f), ".go")
			t.Run(filepath.Base(c.dir)+"/"+name, func(t *testing.T) {
				t.Parallel()
				fidelityCase(t, f, c)
			})
		}
	}
}

func fidelityCase(t *testing.T, path string, c corpus) {
	procs := c.procs
	src, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	wantOut, wantErr, wantExit, err := loadGolden(strings.TrimSuffix(path, ".go") + ".golden")
	if err != nil {
		t.Fatal(err)
	}
	// The deadline only guards against a hang: under -race the interpreter
	// is several times slower, and preempt_spin runs 40M iterations.
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Minute)
	defer cancel()
	res, err := Run(ctx, src, Options{Filename: filepath.Base(path), Procs: procs})
	if err != nil {
		t.Fatalf("Run: %v", err)
	}
	if res.Outcome == OutcomeInternal || res.Outcome.IsLimit() {
		t.Fatalf("outcome %v: %s\nstdout:\n%s\nstderr:\n%s", res.Outcome, res.Detail, res.Stdout, res.Stderr)
	}
	if d := cmp.Diff(string(wantOut), string(res.Stdout)); d != "" {
		t.Errorf("stdout mismatch (-real +sim):\n%s", d)
	}
	if d := cmp.Diff(string(wantErr), string(c.normalize(res.Stderr))); d != "" {
		t.Errorf("stderr mismatch (-real +sim):\n%s\nfull stderr:\n%s", d, res.Stderr)
	}
	if res.ExitCode != wantExit {
		t.Errorf("exit code = %d, want %d", res.ExitCode, wantExit)
	}
	if t.Failed() && bytes.Contains(src, []byte("runtime.GOMAXPROCS")) {
		t.Log("program changes GOMAXPROCS at run time")
	}
}
