package runner_test

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"fmt"
	"github.com/gotour-gpm/gotour-gpm/internal/golden"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"golang.org/x/tools/txtar"
)

var oracle = flag.Bool("oracle", false, "regenerate testdata/fidelity goldens by running every program under the real toolchain")

// oracleRuns is how many times TestOracle runs each program; all runs must agree.
const oracleRuns = 20

// TestOracle regenerates the fidelity goldens from the real Go toolchain:
//
//	go test ./runner -run TestOracle -oracle
//
// (-update, the module's flag for every golden, does it too.)
//
// It is the one test that is skipped by default: it needs the go command,
// takes a minute, and its result depends on the installed Go version.
// Each program is built once and run oracleRuns times with GOMAXPROCS set
// as in corpora (GODEBUG and GOTRACEBACK unset). A golden is written only if
// every run gives the same stdout, normalised stderr and exit code; the
// programs that do not are logged with their variants and fail the test.
func TestOracle(t *testing.T) {
	if !*oracle && !*golden.Update {
		t.Skip("regenerates goldens from the real toolchain; run with -oracle or -update")
	}
	goCmd, version := realGo(t)
	bin := t.TempDir()
	var nondet []string
	for _, c := range corpora {
		for _, name := range globNames(t, c.dir, ".go") {
			prog := filepath.Join(c.dir, name+".go")
			t.Run(filepath.Base(c.dir)+"/"+name, func(t *testing.T) {
				exe := filepath.Join(bin, filepath.Base(c.dir)+"_"+name)
				if out, err := exec.Command(goCmd, "build", "-o", exe, prog).CombinedOutput(); err != nil {
					t.Fatalf("go build %s: %v\n%s", prog, err, out)
				}
				variants, counts := runOracle(t, exe, c)
				if len(variants) > 1 {
					nondet = append(nondet, prog)
					for i, v := range variants {
						t.Logf("%s: variant %d of %d (%d/%d runs):\n%s", prog, i+1, len(variants), counts[i], oracleRuns, v)
					}
					t.Fail() // so the variants are shown without -v
					return
				}
				comment := fmt.Sprintf("Recorded by TestOracle: %s, GOMAXPROCS=%d, %d identical runs.\n", version, c.procs, oracleRuns)
				golden := append([]byte(comment), variants[0]...)
				if err := os.WriteFile(filepath.Join(c.dir, name+".golden"), golden, 0o644); err != nil {
					t.Fatal(err)
				}
			})
		}
	}
	if len(nondet) > 0 {
		t.Errorf("nondeterministic programs (no golden written; fix or delete them):\n\t%s", strings.Join(nondet, "\n\t"))
	}
}

// runOracle runs exe oracleRuns times and returns the distinct results, as
// txtar bodies (files stdout, stderr, exit), in order of first appearance,
// with how many runs gave each.
func runOracle(t *testing.T, exe string, c corpus) (variants [][]byte, counts []int) {
	t.Helper()
	env := []string{"GOMAXPROCS=" + strconv.Itoa(c.procs)}
	for _, kv := range os.Environ() {
		k, _, _ := strings.Cut(kv, "=")
		if k != "GOMAXPROCS" && k != "GODEBUG" && k != "GOTRACEBACK" {
			env = append(env, kv)
		}
	}
	dir := t.TempDir()
	for range oracleRuns {
		// Regular files, not pipes: a write(2) to a pipe wakes the reading
		// process and is slower under load, and a slow write while other
		// goroutines are runnable invites sysmon to retake the P.
		outFile, errFile := createFile(t, dir, "stdout"), createFile(t, dir, "stderr")
		ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
		cmd := exec.CommandContext(ctx, exe)
		cmd.Env = env
		cmd.Stdout, cmd.Stderr = outFile, errFile
		err := cmd.Run()
		timedOut := ctx.Err() != nil
		cancel()
		stdout, stderr := readFile(t, outFile), readFile(t, errFile)
		var exitErr *exec.ExitError
		if timedOut || err != nil && !errors.As(err, &exitErr) {
			t.Fatalf("run %s: %v (timed out: %v)", exe, err, timedOut)
		}
		code := cmd.ProcessState.ExitCode()
		if code < 0 {
			t.Fatalf("run %s: killed by signal: %v", exe, cmd.ProcessState)
		}
		if n := len(stdout); n > 0 && stdout[n-1] != '\n' {
			t.Fatalf("run %s: stdout must end with a newline to fit in txtar", exe)
		}
		ar := &txtar.Archive{Files: []txtar.File{
			{Name: "stdout", Data: stdout},
			{Name: "stderr", Data: c.normalize(stderr)},
			{Name: "exit", Data: []byte(strconv.Itoa(code) + "\n")},
		}}
		res := txtar.Format(ar)
		if parsed := txtar.Parse(res); len(parsed.Files) != 3 {
			t.Fatalf("run %s: output contains txtar markers", exe)
		}
		found := false
		for i, v := range variants {
			if bytes.Equal(v, res) {
				counts[i]++
				found = true
				break
			}
		}
		if !found {
			variants = append(variants, res)
			counts = append(counts, 1)
		}
	}
	return variants, counts
}

func createFile(t *testing.T, dir, name string) *os.File {
	t.Helper()
	f, err := os.Create(filepath.Join(dir, name))
	if err != nil {
		t.Fatal(err)
	}
	return f
}

// readFile reads back what a finished run wrote to f, and closes f.
func readFile(t *testing.T, f *os.File) []byte {
	t.Helper()
	defer f.Close()
	data, err := os.ReadFile(f.Name())
	if err != nil {
		t.Fatal(err)
	}
	return data
}
