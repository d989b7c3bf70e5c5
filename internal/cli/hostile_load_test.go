//go:build unix

package cli

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
)

// TestHostileUnderLoad runs the corpus cases marked "load" while CPU
// hogs keep every core busy: child processes at nice 19, as many as
// there are CPUs, started here and killed at the end. Each case must end
// with the same limit, message and output as on a quiet machine: the
// time limit is on the worker's CPU time, so a busy machine slows a run
// down but does not change its verdict. Nothing here depends on how long
// anything takes.
func TestHostileUnderLoad(t *testing.T) {
	files, err := filepath.Glob("testdata/hostile/*.txtar")
	if err != nil {
		t.Fatal(err)
	}
	var cases []*hostile
	for _, file := range files {
		if h := readHostile(t, file); h.load {
			cases = append(cases, h)
		}
	}
	if len(cases) == 0 {
		t.Fatal("no corpus case is marked load")
	}
	for range max(2, runtime.NumCPU()) {
		startHog(t)
	}
	for _, h := range cases {
		t.Run(h.name, func(t *testing.T) {
			if *update {
				t.Skip("-update rewrites the corpus in TestHostile only")
			}
			h.check(t, filepath.Join("testdata", "hostile", h.name+".txtar"))
		})
	}
}

// startHog starts the test binary as a busy loop at nice 19 (the "hog"
// worker mode), killed when the test ends.
func startHog(t *testing.T) {
	t.Helper()
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(exe)
	cmd.Env = testWorkerEnvFor("hog")
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		cmd.Process.Kill()
		cmd.Wait()
	})
	if err := syscall.Setpriority(syscall.PRIO_PROCESS, cmd.Process.Pid, 19); err != nil {
		t.Fatalf("renicing the hog: %v", err)
	}
}

// stallingWriter holds up its first write for a while, as a terminal
// paused with Ctrl-S or a pager not reading would: the worker then waits
// on a full pipe, the wall clock going on and its CPU time not.
type stallingWriter struct {
	once  sync.Once
	stall time.Duration
	buf   bytes.Buffer
}

func (w *stallingWriter) Write(p []byte) (int, error) {
	w.once.Do(func() { time.Sleep(w.stall) })
	return w.buf.Write(p)
}

// TestLimitNotWallClock: a run held up for longer than its --timeout,
// while using little CPU, still ends at the limit it really meets (here,
// the output limit), with all its output: the time limit is on CPU time.
// With a wall-clock limit, this run was "ran too long" with part of its
// output, which is what a busy machine did to output and memory bombs.
func TestLimitNotWallClock(t *testing.T) {
	t.Parallel()
	out := &stallingWriter{stall: 3 * time.Second}
	var errb bytes.Buffer
	e := &env{
		stdin: strings.NewReader(""), stdout: out, stderr: &errb,
		getenv: func(string) string { return "" }, version: testVersion,
		readFile: func(string) ([]byte, error) {
			return []byte("package main\n\nimport \"fmt\"\n\nfunc main() {\n\tfor i := 0; ; i++ {\n\t\tfmt.Println(\"line\", i)\n\t}\n}\n"), nil
		},
		executable: os.Executable, workerEnv: testWorkerEnvFor("worker"),
	}
	code := e.run([]string{"run", "prog.go", "--timeout", "2s", "--max-output", "200000"})
	if code != 83 || errb.String() != "gotour-gpm: stopped: the program printed too much output.\n" {
		t.Errorf("exit %d, stderr %q; want 83 and the output limit's message", code, errb.String())
	}
	if n := out.buf.Len(); n != 200000 {
		t.Errorf("%d bytes of output, want all 200000 up to the limit", n)
	}
}
