package runner_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"golang.org/x/tools/txtar"

	"github.com/gotour-gpm/gotour-gpm/internal/golden"
	"github.com/gotour-gpm/gotour-gpm/internal/i18n"
	. "github.com/gotour-gpm/gotour-gpm/runner"
)

// The hostile corpus (testdata/hostile) holds programs a careless or
// hostile learner writes: runaway recursion, huge allocations, calls the
// interpreter would answer with its own words, floods of output. Each
// NAME.go starts with a line saying whose answer its golden is:
//
//	// real: ...     the real toolchain defines the result; NAME.golden is
//	//               recorded from it by TestHostileOracle (-oracle)
//	// sandbox: ...  the real toolchain leaves it to the machine (how much
//	//               memory it has, how much output it lets through);
//	//               NAME.golden is the runner's answer, written by
//	//               TestHostile -update and reviewed by hand (-update
//	//               also records the real ones, as -oracle does)
//
// A golden holds stdout, stderr normalised as hostileStderr does, the
// exit code, and for the sandbox's answers the message the learner gets
// in both languages.

const hostileDir = "testdata/hostile"

// hostileLimits are the limits the corpus runs with: the defaults but a
// smaller output limit, host stack and allocation, so that a flood is
// cut, a runaway recursion overflows and an append loop runs out of
// memory quickly (TestRecursionDefaultStack runs a recursion with the
// default).
var hostileLimits = Limits{Output: 64 << 10, Stack: 8 << 20, Memory: 64 << 20}

func TestHostile(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join(hostileDir, "*.go"))
	if len(files) == 0 {
		t.Fatal("no programs in " + hostileDir)
	}
	for _, f := range files {
		name := strings.TrimSuffix(filepath.Base(f), ".go")
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			hostileCase(t, f)
		})
	}
}

func hostileCase(t *testing.T, path string) {
	src, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	kind := hostileKind(src)
	if kind == "" {
		t.Fatalf("%s must start with // real: or // sandbox:", path)
	}
	// The deadline only guards against a hang.
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	res, err := Run(ctx, src, Options{Filename: filepath.Base(path), Procs: 1, Limits: hostileLimits})
	if err != nil {
		t.Fatalf("Run: %v", err)
	}
	if res.Outcome == OutcomeInternal || res.Outcome == OutcomeTimeout {
		t.Fatalf("outcome %v: %s\nstderr:\n%.2000s", res.Outcome, res.Detail, res.Stderr)
	}
	if n := len(res.Stdout) + len(res.Stderr); n > hostileLimits.Output+4<<10 {
		t.Errorf("the run printed %d bytes, past the output limit of %d", n, hostileLimits.Output)
	}
	for _, bad := range []string{"reflect", "yaegi", "interp.", "runner.", "gotour-gpm", "/go/src/", "__rt"} {
		if bytes.Contains(res.Stderr, []byte(bad)) && res.Outcome != OutcomeCompileError {
			t.Errorf("stderr shows the tool's internals (%q):\n%.2000s", bad, res.Stderr)
		}
	}
	got := hostileArchive(res.Stdout, hostileStderr(res.Stderr), res.ExitCode, kind == "sandbox", res)
	goldenPath := strings.TrimSuffix(path, ".go") + ".golden"
	if *golden.Update && kind == "sandbox" {
		comment := "Written by TestHostile -update: the sandbox's answer (see the program's first line).\n"
		if err := os.WriteFile(goldenPath, append([]byte(comment), got...), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(goldenPath)
	if err != nil {
		t.Fatalf("%v (real: go test ./runner -run TestHostileOracle -oracle; sandbox: -run TestHostile -update)", err)
	}
	want = txtar.Format(&txtar.Archive{Files: txtar.Parse(want).Files})
	if d := cmp.Diff(string(want), string(got)); d != "" {
		t.Errorf("%s mismatch (-golden +runner):\n%s\nfull stderr:\n%.3000s", goldenPath, d, res.Stderr)
	}
}

// hostileKind returns "real" or "sandbox", from the program's first line.
func hostileKind(src []byte) string {
	line, _, _ := bytes.Cut(src, []byte("\n"))
	for _, k := range []string{"real", "sandbox"} {
		if bytes.HasPrefix(line, []byte("// "+k+": ")) {
			return k
		}
	}
	return ""
}

// hostileArchive is a golden's body.
func hostileArchive(stdout, stderr []byte, exit int, withMessage bool, res *Result) []byte {
	ar := &txtar.Archive{Files: []txtar.File{
		{Name: "stdout", Data: stdout},
		{Name: "stderr", Data: stderr},
		{Name: "exit", Data: []byte(strconv.Itoa(exit) + "\n")},
	}}
	if withMessage {
		msg := ""
		for _, l := range []i18n.Lang{i18n.En, i18n.Zh} {
			if m := res.Message(l); m != "" {
				msg += m + "\n"
			}
		}
		ar.Files = append(ar.Files, txtar.File{Name: "message", Data: []byte(msg)})
	}
	return txtar.Format(ar)
}

// hostileStderr is normalizeStderr keeping only the first goroutine
// header: which of the runtime's own goroutines have run by the time a
// program dies varies from run to run in gc, and a throw lists them all.
// A compile error's lines lose gc's "./" and "# command-line-arguments".
func hostileStderr(stderr []byte) []byte {
	var b bytes.Buffer
	if bytes.HasPrefix(stderr, []byte("# command-line-arguments\n")) {
		for _, l := range strings.SplitAfter(string(stderr), "\n")[1:] {
			b.WriteString(strings.TrimPrefix(l, "./"))
		}
		return b.Bytes()
	}
	headers := 0
	for _, l := range strings.SplitAfter(string(normalizeStderr(stderr)), "\n") {
		if len(l) > 200 {
			l = fmt.Sprintf("%s... (a line of %d bytes)\n", l[:100], len(strings.TrimSuffix(l, "\n")))
		}
		if strings.HasPrefix(l, "goroutine ") {
			headers++
			if headers > 1 {
				continue
			}
		}
		b.WriteString(l)
	}
	return b.Bytes()
}

// TestHostileOracle records the goldens of the corpus's "real" programs
// from the real toolchain:
//
//	go test ./runner -run TestHostileOracle -oracle
//
// Each program is built once and run three times with GOMAXPROCS=1; the
// runs must agree.
func TestHostileOracle(t *testing.T) {
	if !*oracle && !*golden.Update {
		t.Skip("records goldens from the real toolchain; run with -oracle or -update")
	}
	files, _ := filepath.Glob(filepath.Join(hostileDir, "*.go"))
	bin := t.TempDir()
	for _, f := range files {
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if hostileKind(src) != "real" {
			continue
		}
		name := strings.TrimSuffix(filepath.Base(f), ".go")
		t.Run(name, func(t *testing.T) {
			var body []byte
			for i := range 3 {
				got := realHostileRun(t, bin, f)
				if i > 0 && !bytes.Equal(got, body) {
					t.Fatalf("the real runs differ:\n%s\n----\n%s", body, got)
				}
				body = got
			}
			_, version := realGo(t)
			comment := "Recorded by TestHostileOracle: " + version + ", GOMAXPROCS=1, 3 identical runs.\n"
			if err := os.WriteFile(strings.TrimSuffix(f, ".go")+".golden", append([]byte(comment), body...), 0o644); err != nil {
				t.Fatal(err)
			}
		})
	}
}

// realGo returns the path of the real toolchain's go command and its
// version line ("go1.26.8 linux amd64"), which the recorders write into
// the goldens they record.
func realGo(t *testing.T) (goCmd, version string) {
	t.Helper()
	goCmd, err := exec.LookPath("go")
	if err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(goCmd, "env", "GOVERSION", "GOOS", "GOARCH").Output()
	if err != nil {
		t.Fatal(err)
	}
	return goCmd, strings.Join(strings.Fields(string(out)), " ")
}

// realHostileRun builds and runs one program with the real toolchain and
// returns its golden body. A program gc refuses is its compile errors
// and exit 1, as go run reports them.
func realHostileRun(t *testing.T, bin, prog string) []byte {
	exe := filepath.Join(bin, filepath.Base(prog)+".exe")
	build := exec.Command("go", "build", "-o", exe, filepath.Base(prog))
	build.Dir = filepath.Dir(prog)
	if out, err := build.CombinedOutput(); err != nil {
		return hostileArchive(nil, hostileStderr(out), 1, false, nil)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, exe)
	cmd.Env = append(os.Environ(), "GOMAXPROCS=1", "GODEBUG=", "GOTRACEBACK=")
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	var exitErr *exec.ExitError
	if ctx.Err() != nil || err != nil && !errors.As(err, &exitErr) {
		t.Fatalf("run %s: %v", prog, err)
	}
	code := cmd.ProcessState.ExitCode()
	if code < 0 {
		t.Fatalf("run %s: %v", prog, cmd.ProcessState)
	}
	return hostileArchive(stdout.Bytes(), hostileStderr(stderr.Bytes()), code, false, nil)
}

// TestHostileCorpus checks that every program has a golden and the
// kind line.
func TestHostileCorpus(t *testing.T) {
	progs := globNames(t, hostileDir, ".go")
	goldens := globNames(t, hostileDir, ".golden")
	for _, name := range progs {
		src, err := os.ReadFile(filepath.Join(hostileDir, name+".go"))
		if err != nil {
			t.Fatal(err)
		}
		if hostileKind(src) == "" {
			t.Errorf("%s.go must start with // real: or // sandbox:", name)
		}
		if !slices.Contains(goldens, name) {
			t.Errorf("%s.go has no golden", name)
		}
	}
	for _, name := range goldens {
		if !slices.Contains(progs, name) {
			t.Errorf("%s.golden has no program", name)
		}
	}
}

// TestRecursionDefaultStack runs a runaway recursion with the default
// limits: it must end with gc's stack overflow, not take the process
// down with the host's.
func TestRecursionDefaultStack(t *testing.T) {
	src := []byte("package main\n\nfunc f(n int) int { return f(n+1) + 1 }\n\nfunc main() { println(f(0)) }\n")
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	res, err := Run(ctx, src, Options{Procs: 1})
	if err != nil {
		t.Fatal(err)
	}
	want := "runtime: goroutine stack exceeds 1000000000-byte limit\nfatal error: stack overflow\n"
	if res.Outcome != OutcomeFatal || res.ExitCode != 2 || !strings.HasPrefix(string(res.Stderr), want) {
		t.Errorf("outcome %v, exit %d, stderr:\n%.500s\nwant stderr starting with\n%s", res.Outcome, res.ExitCode, res.Stderr, want)
	}
}
