package runner_test

import (
	"bytes"
	"context"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"golang.org/x/tools/txtar"
)

var recordSets = flag.Bool("record-sets", false, "record testdata/schedset output sets by running every program under the real toolchain")

// schedsetDir holds the multi-P corpus: programs whose real output varies
// from run to run, with the set of outputs the real runtime gave.
const schedsetDir = "testdata/schedset"

// schedsetRuns is how many real runs each output set records.
const schedsetRuns = 300

// schedsetProcs are the GOMAXPROCS values each program is recorded and
// simulated with.
var schedsetProcs = []int{2, 4}

// TestRecordSets records, for each program of testdata/schedset and each
// of schedsetProcs, the distinct outputs of schedsetRuns real runs and
// how many runs gave each:
//
//	go test ./runner -run TestRecordSets -record-sets
//
// Skipped by default: it needs the go command, and what it records depends
// on the machine and its load, which the file's header notes.
func TestRecordSets(t *testing.T) {
	if !*recordSets {
		t.Skip("records output sets from the real toolchain; run with -record-sets")
	}
	goCmd, version := realGo(t)
	bin := t.TempDir()
	for _, name := range globNames(t, schedsetDir, ".go") {
		exe := filepath.Join(bin, name)
		prog := filepath.Join(schedsetDir, name+".go")
		if out, err := exec.Command(goCmd, "build", "-o", exe, prog).CombinedOutput(); err != nil {
			t.Fatalf("go build %s: %v\n%s", prog, err, out)
		}
		for _, procs := range schedsetProcs {
			before := loadavg(t)
			set := runSet(t, exe, procs)
			comment := fmt.Sprintf("Recorded by TestRecordSets: %s, GOMAXPROCS=%d, %d runs on %d CPUs, load average %s before, %s after.\nEach file is one distinct stdout; its name is the number of runs that printed it.\n",
				version, procs, schedsetRuns, runtime.NumCPU(), before, loadavg(t))
			ar := &txtar.Archive{Comment: []byte(comment)}
			for _, v := range set {
				ar.Files = append(ar.Files, txtar.File{Name: strconv.Itoa(v.runs), Data: v.out})
			}
			path := filepath.Join(schedsetDir, fmt.Sprintf("%s.p%d.txtar", name, procs))
			if err := os.WriteFile(path, txtar.Format(ar), 0o644); err != nil {
				t.Fatal(err)
			}
			t.Logf("%s GOMAXPROCS=%d: %d distinct outputs", name, procs, len(set))
		}
	}
}

// variant is one distinct output and how many runs printed it.
type variant struct {
	out  []byte
	runs int
}

// runSet runs exe schedsetRuns times with GOMAXPROCS=procs and returns the
// distinct stdouts, most frequent first. Every run must exit 0 with
// nothing on stderr.
func runSet(t *testing.T, exe string, procs int) []variant {
	t.Helper()
	env := []string{"GOMAXPROCS=" + strconv.Itoa(procs)}
	for _, kv := range os.Environ() {
		k, _, _ := strings.Cut(kv, "=")
		if k != "GOMAXPROCS" && k != "GODEBUG" && k != "GOTRACEBACK" {
			env = append(env, kv)
		}
	}
	var set []variant
	for range schedsetRuns {
		ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
		cmd := exec.CommandContext(ctx, exe)
		cmd.Env = env
		var stdout, stderr bytes.Buffer
		cmd.Stdout, cmd.Stderr = &stdout, &stderr
		err := cmd.Run()
		cancel()
		if err != nil || stderr.Len() > 0 {
			t.Fatalf("run %s: %v\n%s", exe, err, stderr.Bytes())
		}
		found := false
		for i := range set {
			if bytes.Equal(set[i].out, stdout.Bytes()) {
				set[i].runs++
				found = true
				break
			}
		}
		if !found {
			set = append(set, variant{out: stdout.Bytes(), runs: 1})
		}
	}
	sort.SliceStable(set, func(i, j int) bool { return set[i].runs > set[j].runs })
	return set
}

// loadavg is the host's 1-minute load average, for the record: other
// processes on the machine perturb the real runs too.
func loadavg(t *testing.T) string {
	data, err := os.ReadFile("/proc/loadavg")
	if err != nil {
		return "unknown"
	}
	return strings.Fields(string(data))[0]
}
