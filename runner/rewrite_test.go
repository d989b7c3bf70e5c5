package runner

import (
	"bytes"
	"flag"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

var frontendGolden = flag.Bool("frontend.golden", false,
	"rewrite testdata/frontend/*.out by running each program with the real toolchain (go run)")

// TestFrontendGolden runs every program of testdata/frontend, rewritten,
// under yaegi with the direct shim, and compares its stdout with what the
// real toolchain printed (NAME.out, written by -frontend.golden). The
// programs synchronise through channels only, so their output does not
// depend on scheduling.
func TestFrontendGolden(t *testing.T) {
	progs, _ := filepath.Glob("testdata/frontend/*.go")
	if len(progs) == 0 {
		t.Fatal("no programs in testdata/frontend")
	}
	for _, path := range progs {
		name := strings.TrimSuffix(filepath.Base(path), ".go")
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			src, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			golden := strings.TrimSuffix(path, ".go") + ".out"
			if *frontendGolden {
				writeRealOutput(t, path, golden)
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test ./runner -run TestFrontendGolden -frontend.golden)", err)
			}
			res := runDirect(t, filepath.Base(path), src)
			if res.err != nil {
				if res.prep != nil {
					t.Logf("rewritten:\n%s", numberLines(res.prep.Source))
				}
				t.Fatalf("run: %v\nstderr: %s", res.err, res.stderr)
			}
			if res.stdout != string(want) {
				t.Logf("rewritten:\n%s", numberLines(res.prep.Source))
				t.Errorf("stdout differs from the real toolchain's\ngot:\n%s\nwant:\n%s", res.stdout, want)
			}
			if n := res.shim.ticks.Load(); n == 0 {
				t.Errorf("no __rt.Tick calls")
			}
		})
	}
}

// writeRealOutput runs path with the real toolchain and stores its stdout.
func writeRealOutput(t *testing.T, path, golden string) {
	cmd := exec.Command("go", "run", filepath.Base(path))
	cmd.Dir = filepath.Dir(path)
	cmd.Env = append(os.Environ(), "GOFLAGS=-mod=mod", "GO111MODULE=off")
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("go run %s: %v\n%s", path, err, stderr.String())
	}
	if err := os.WriteFile(golden, stdout.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
}
