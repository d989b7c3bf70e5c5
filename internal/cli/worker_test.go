package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"regexp"
	"runtime"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/gotour-gpm/gotour-gpm/sim"
)

// testWorkerEnv, in the environment of a process started from the test
// binary, makes that process act as the run command's worker instead of
// running tests. Its value says how: "worker" is the real worker (Main
// with the worker's arguments); the others are broken workers, for the
// tests of how the parent copes.
const testWorkerEnv = "GOTOUR_GPM_TEST_WORKER"

// testWorkerEnvFor is the worker's environment in tests: mode is a
// testWorkerEnv value. A binary built with -race sleeps a second at exit
// unless told not to (GORACE atexit_sleep_ms, default 1000).
func testWorkerEnvFor(mode string) []string {
	return []string{testWorkerEnv + "=" + mode, "GORACE=atexit_sleep_ms=0"}
}

// TestMain lets the test binary be the worker: in tests, os.Executable is
// the test binary, so the run command really starts a subprocess.
func TestMain(m *testing.M) {
	switch os.Getenv(testWorkerEnv) {
	case "":
		os.Exit(m.Run())
	case "worker":
		os.Exit(Main(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
	case "main": // the real command line, whose workers are this binary too
		e := mainEnv(os.Stdin, os.Stdout, os.Stderr)
		e.workerEnv = testWorkerEnvFor("worker")
		os.Exit(e.run(os.Args[1:]))
	case "kill": // dies by a signal before writing a result
		p, _ := os.FindProcess(os.Getpid())
		p.Kill()
		time.Sleep(time.Minute)
	case "garbage": // writes a result that is not JSON
		var req workRequest
		json.NewDecoder(os.Stdin).Decode(&req)
		os.WriteFile(req.ResultFile, []byte("{\"outcome\":"), 0o600)
	case "silent": // exits 0 without writing a result
	case "throw": // a runtime crash: a fatal error and a stack trace on stderr
		os.Stderr.WriteString("fatal error: unexpected signal during runtime execution\n\nruntime stack:\nruntime.throw(...)\n\ngoroutine 1 [running]:\nmain.main()\n")
		os.Exit(2)
	case "overflow": // the program's endless recursion in compiled code
		os.Stderr.WriteString("runtime: goroutine stack exceeds 1000000000-byte limit\nruntime: sp=0xc020160398 stack=[0xc020160000, 0xc040160000]\nfatal error: stack overflow\n\nruntime stack:\nruntime.throw(...)\n")
		os.Exit(2)
	case "oom": // the Go runtime could not allocate what the program asked for
		os.Stderr.WriteString("fatal error: runtime: out of memory\n\nruntime stack:\nruntime.throw(...)\n")
		os.Exit(2)
	case "oom-alloc": // a large allocation failed (mallocgc's words)
		os.Stderr.WriteString("runtime: out of memory: cannot allocate 6442450944-byte block (4194304 in use)\nfatal error: out of memory\n\ngoroutine 1 [running]:\n")
		os.Exit(2)
	case "hang": // never ends
		time.Sleep(time.Hour)
	case "hog": // a CPU hog for TestHostileUnderLoad, niced there
		runtime.GOMAXPROCS(1)
		for {
		}
	}
	os.Exit(0)
}

// runCmd runs gotour-gpm with args and a program src as prog.go, using
// worker (a TestMain mode) as the worker, or in-process if worker is "".
func runCmd(t *testing.T, worker, src string, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	var out, errb bytes.Buffer
	e := &env{
		stdin:       strings.NewReader(""),
		stdout:      &out,
		stderr:      &errb,
		getenv:      func(string) string { return "" },
		version:     testVersion,
		readFile:    func(string) ([]byte, error) { return []byte(src), nil },
		createFile:  func(name string) (io.WriteCloser, error) { return os.Create(name) },
		executable:  os.Executable,
		workerEnv:   testWorkerEnvFor(worker),
		workerGrace: 200 * time.Millisecond,
		inProcess:   worker == "",
	}
	if worker == "hang" {
		// A worker that never ends is killed at the wall-clock guard.
		e.workerGuard = time.Second
	}
	code = e.run(append([]string{"run", "prog.go"}, args...))
	return out.String(), errb.String(), code
}

const helloSrc = `package main

import "fmt"

func main() {
	fmt.Println("hello")
}
`

// TestWorkerFailures checks that a worker that dies or misbehaves is an
// internal error with a clear message, and a wedged one is killed.
var cpuTimeRE = regexp.MustCompile(`only [0-9.]+s`)

func TestWorkerFailures(t *testing.T) {
	tests := []struct {
		worker     string
		args       []string
		wantCode   int
		wantStderr string
	}{
		{"kill", nil, 70, "gotour-gpm: internal error: the worker process that runs the program crashed (signal: killed)\n"},
		{"garbage", nil, 70, "gotour-gpm: internal error: the worker process that runs the program sent no valid result: unexpected end of JSON input\n"},
		{"silent", nil, 70, "gotour-gpm: internal error: the worker process that runs the program sent no valid result: unexpected end of JSON input\n"},
		// --timeout is more than the CPU time the test binary takes to
		// start (under -race too), so the killed worker looks starved.
		{"hang", []string{"--timeout", "5s"}, 80, "gotour-gpm: stopped: the program got only 0.0s of CPU time in 1.2s: the machine is too busy, or the program's output is not being read. Try again when the machine is less busy.\n"},
		{"throw", nil, 70, "gotour-gpm: internal error: the worker process that runs the program crashed (exit status 2): fatal error: unexpected signal during runtime execution\n"},
		// Only the program recurses in the worker: its overflow is the
		// program's, as gc reports it.
		{"overflow", nil, 2, "runtime: goroutine stack exceeds 1000000000-byte limit\nfatal error: stack overflow\n"},
		{"oom", nil, 85, "gotour-gpm: stopped: the program used too much memory.\n"},
		{"oom-alloc", nil, 85, "gotour-gpm: stopped: the program used too much memory.\n"},
	}
	for _, tt := range tests {
		t.Run(tt.worker, func(t *testing.T) {
			t.Parallel()
			start := time.Now()
			stdout, stderr, code := runCmd(t, tt.worker, helloSrc, tt.args...)
			// The hang worker's CPU time, a sleeping test binary's, is
			// whatever its start-up took.
			stderr = cpuTimeRE.ReplaceAllString(stderr, "only 0.0s")
			if code != tt.wantCode || stderr != tt.wantStderr || stdout != "" {
				t.Errorf("run with a %q worker = %d, stdout %q, stderr %q; want %d, \"\", %q",
					tt.worker, code, stdout, stderr, tt.wantCode, tt.wantStderr)
			}
			if d := time.Since(start); d > 5*time.Second {
				t.Errorf("run with a %q worker took %v", tt.worker, d)
			}
		})
	}
}

// TestRunTraceJSON checks that --trace - --format json writes the trace
// to stderr as one JSON document that reads back as a sim.Trace.
func TestRunTraceJSON(t *testing.T) {
	stdout, stderr, code := runCmd(t, "worker", helloSrc, "--trace", "-", "--format", "json")
	if code != 0 || stdout != "hello\n" {
		t.Fatalf("run --trace - = %d, stdout %q; want 0, %q; stderr:\n%s", code, stdout, "hello\n", stderr)
	}
	var tr sim.Trace
	dec := json.NewDecoder(strings.NewReader(stderr))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&tr); err != nil {
		t.Fatalf("stderr does not parse as a trace: %v\n%s", err, stderr)
	}
	if dec.More() {
		t.Errorf("stderr has more than one JSON value:\n%s", stderr)
	}
	if len(tr.Events) == 0 || tr.Events[len(tr.Events)-1].Kind != sim.EvExit {
		t.Errorf("trace events = %v, want a run ending with exit", tr.Events)
	}
}

// TestRunTraceFile checks that --trace FILE writes the text trace there
// and nothing to stderr.
func TestRunTraceFile(t *testing.T) {
	file := t.TempDir() + "/trace.txt"
	stdout, stderr, code := runCmd(t, "", helloSrc, "--trace", file)
	if code != 0 || stdout != "hello\n" || stderr != "" {
		t.Fatalf("run --trace FILE = %d, stdout %q, stderr %q; want 0, %q, \"\"", code, stdout, stderr, "hello\n")
	}
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(data), " G1    exit") {
		t.Errorf("trace file does not show G1 exiting:\n%s", data)
	}
}

// TestDemux checks that the parent reads the worker's frames back into
// the two streams, in order, however the pipe splits them.
func TestDemux(t *testing.T) {
	var framed bytes.Buffer
	var mu sync.Mutex
	out := frameWriter{mu: &mu, w: &framed, stream: streamStdout}
	errw := frameWriter{mu: &mu, w: &framed, stream: streamStderr}
	big := strings.Repeat("x", maxFrame+10) // split into two frames
	out.Write([]byte("hello\n"))
	errw.Write([]byte("panic: boom\n"))
	out.Write([]byte(big))
	errw.Write(nil)
	data := framed.Bytes()
	for _, chunk := range []int{1, 2, 5, 7, 4096, len(data)} {
		var stdout, stderr bytes.Buffer
		d := &demux{stdout: &stdout, stderr: &stderr}
		for p := data; len(p) > 0; {
			n := min(chunk, len(p))
			if k, err := d.Write(p[:n]); k != n || err != nil {
				t.Fatalf("chunks of %d: Write = %d, %v; want %d, nil", chunk, k, err, n)
			}
			p = p[n:]
		}
		if stdout.String() != "hello\n"+big || stderr.String() != "panic: boom\n" {
			t.Errorf("chunks of %d: stdout %d bytes, stderr %q; want %d bytes, %q",
				chunk, stdout.Len(), stderr.String(), len("hello\n"+big), "panic: boom\n")
		}
	}
	if _, err := (&demux{}).Write([]byte{9, 0, 0, 0, 1, 'x'}); err == nil {
		t.Error("demux accepted stream 9")
	}
}

// TestProgressLines checks that the parent reads the grade worker's
// progress lines however the pipe splits them, and skips other lines.
func TestProgressLines(t *testing.T) {
	data := []byte("progress 1 3\nnoise\nprogress 2 3\n" + strings.Repeat("x", 2*maxProgressLine) + "\nprogress 3 3\nprogress 4")
	for _, chunk := range []int{1, 2, 5, 13, len(data)} {
		var got []string
		p := &progressLines{report: func(done, total int) { got = append(got, fmt.Sprint(done, "/", total)) }}
		for rest := data; len(rest) > 0; {
			n := min(chunk, len(rest))
			if k, err := p.Write(rest[:n]); k != n || err != nil {
				t.Fatalf("chunks of %d: Write = %d, %v; want %d, nil", chunk, k, err, n)
			}
			rest = rest[n:]
		}
		if want := []string{"1/3", "2/3", "3/3"}; !slices.Equal(got, want) {
			t.Errorf("chunks of %d: progress %v, want %v", chunk, got, want)
		}
	}
}

func TestCrashLogReason(t *testing.T) {
	tests := []struct{ log, want string }{
		{"", ""},
		{"gotour-gpm: worker: reading the request: EOF\n", "gotour-gpm: worker: reading the request: EOF"},
		{"runtime: goroutine stack exceeds 1000000000-byte limit\nfatal error: stack overflow\n\ngoroutine 1:\n", "fatal error: stack overflow"},
		{"==================\nWARNING: DATA RACE\n", "WARNING: DATA RACE"},
	}
	for _, tt := range tests {
		var c crashLog
		c.Write([]byte(tt.log))
		if got := c.reason(); got != tt.want {
			t.Errorf("reason(%q) = %q, want %q", tt.log, got, tt.want)
		}
	}
}

func TestWatchMemory(t *testing.T) {
	var used atomic.Uint64
	fired := make(chan struct{})
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	go watchMemory(ctx, 100, time.Millisecond, used.Load, func() { close(fired) })
	used.Store(100) // at the limit is not over it
	select {
	case <-fired:
		t.Fatal("watchMemory fired at the limit")
	case <-time.After(20 * time.Millisecond):
	}
	used.Store(101)
	select {
	case <-fired:
	case <-time.After(5 * time.Second):
		t.Fatal("watchMemory did not fire over the limit")
	}
}
