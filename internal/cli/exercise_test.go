package cli

import (
	"bytes"
	"context"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"golang.org/x/tools/txtar"

	"github.com/gotour-gpm/gotour-gpm/checker"
	"github.com/gotour-gpm/gotour-gpm/internal/i18n"
)

// The golden tests grade many programs at once: give each run time.
func init() { gradeOptions = checker.Options{Parallel: 1, RunTimeout: 3 * time.Minute} }

// TestExerciseGolden runs the exercise commands (exercise, check, hint,
// solution) on the cases in testdata/exercise; see the README there. Each
// case gets its own workspace and progress directories.
func TestExerciseGolden(t *testing.T) {
	files, err := filepath.Glob("testdata/exercise/*.txtar")
	if err != nil {
		t.Fatal(err)
	}
	if len(files) == 0 {
		t.Fatal("no testdata/exercise/*.txtar files")
	}
	for _, file := range files {
		t.Run(strings.TrimSuffix(filepath.Base(file), ".txtar"), func(t *testing.T) {
			t.Parallel()
			runExerciseCase(t, file)
		})
	}
}

// exerciseSections are the fixed sections of a testdata/exercise case, in
// the order -update writes them; "work/PATH" sections (before the run)
// and "after/PATH" sections (after it) come where they are.
var exerciseSections = []string{"args", "env", "progress.json", "stdout", "stderr", "exit", "progress.after.json", "files.after"}

func runExerciseCase(t *testing.T, file string) {
	ar, err := txtar.ParseFile(file)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	work, config := filepath.Join(dir, "work"), filepath.Join(dir, "config")
	subst := strings.NewReplacer("$WORK", work, "$CONFIG", config)
	sec := map[string][]byte{}
	for _, f := range ar.Files {
		name := f.Name
		switch {
		case slices.Contains(exerciseSections, name):
		case strings.HasPrefix(name, "work/"):
			writeFile(t, filepath.Join(work, strings.TrimPrefix(name, "work/")), f.Data)
		case strings.HasPrefix(name, "after/"):
		default:
			t.Fatalf("%s: unknown section %q", file, name)
		}
		sec[name] = f.Data
	}
	vars := map[string]string{configDirEnv: config}
	for _, line := range strings.Split(strings.TrimSuffix(string(sec["env"]), "\n"), "\n") {
		if k, v, ok := strings.Cut(line, "="); ok {
			vars[k] = subst.Replace(v)
		}
	}
	if data, ok := sec["progress.json"]; ok {
		writeFile(t, filepath.Join(config, "progress.json"), data)
	}
	var args []string
	for _, a := range strings.Fields(string(sec["args"])) {
		args = append(args, subst.Replace(a))
	}

	var stdout, stderr bytes.Buffer
	e := &env{
		stdin:      strings.NewReader(""),
		stdout:     &stdout,
		stderr:     &stderr,
		getenv:     func(k string) string { return vars[k] },
		version:    testVersion,
		readFile:   os.ReadFile,
		executable: os.Executable,
		workerEnv:  testWorkerEnvFor("worker"),
		inProcess:  true,
	}
	exit := e.run(args)
	clean := func(s string) string {
		return strings.NewReplacer(work, "$WORK", config, "$CONFIG").Replace(s)
	}
	got := map[string][]byte{
		"stdout": []byte(clean(stdout.String())),
		"stderr": []byte(clean(stderr.String())),
		"exit":   []byte(strconv.Itoa(exit) + "\n"),
	}
	if _, ok := sec["progress.after.json"]; ok {
		data, err := os.ReadFile(filepath.Join(config, "progress.json"))
		if errors.Is(err, fs.ErrNotExist) {
			data = []byte("(no file)\n")
		} else if err != nil {
			t.Fatal(err)
		}
		got["progress.after.json"] = data
	}
	if _, ok := sec["files.after"]; ok {
		got["files.after"] = []byte(listFiles(t, work))
	}
	for name := range sec {
		if rel, ok := strings.CutPrefix(name, "after/"); ok {
			data, err := os.ReadFile(filepath.Join(work, rel))
			if err != nil {
				data = []byte("(" + err.Error() + ")\n")
			}
			got[name] = []byte(clean(string(data)))
		}
	}

	if *update {
		out := &txtar.Archive{Comment: ar.Comment}
		for _, f := range ar.Files {
			if data, ok := got[f.Name]; ok {
				f.Data = data
			}
			out.Files = append(out.Files, f)
		}
		for _, name := range []string{"stdout", "stderr", "exit"} {
			if _, ok := sec[name]; !ok {
				out.Files = append(out.Files, txtar.File{Name: name, Data: got[name]})
			}
		}
		if err := os.WriteFile(file, txtar.Format(out), 0o666); err != nil {
			t.Fatal(err)
		}
		return
	}
	names := make([]string, 0, len(got))
	for name := range got {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		if diff := cmp.Diff(string(sec[name]), string(got[name])); diff != "" {
			t.Errorf("%s: gotour-gpm %s: %s mismatch (-want +got):\n%s\nrun go test ./internal/cli -run TestExerciseGolden -update",
				file, strings.TrimSpace(string(sec["args"])), name, diff)
		}
	}
}

// listFiles lists the files under dir, one relative path a line.
func listFiles(t *testing.T, dir string) string {
	t.Helper()
	var out []string
	filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			rel, _ := filepath.Rel(dir, path)
			out = append(out, filepath.ToSlash(rel))
		}
		return nil
	})
	if len(out) == 0 {
		return "(none)\n"
	}
	return strings.Join(out, "\n") + "\n"
}

// newTestEnv is an env for tests of the exercise commands, with its own
// progress directory and buffers for stdout and stderr.
func newTestEnv(t *testing.T) (*env, *bytes.Buffer, *bytes.Buffer) {
	t.Helper()
	config := filepath.Join(t.TempDir(), "config")
	var stdout, stderr bytes.Buffer
	return &env{
		stdin:      strings.NewReader(""),
		stdout:     &stdout,
		stderr:     &stderr,
		getenv:     func(k string) string { return map[string]string{configDirEnv: config}[k] },
		version:    testVersion,
		readFile:   os.ReadFile,
		executable: os.Executable,
		workerEnv:  testWorkerEnvFor("worker"),
		inProcess:  true,
	}, &stdout, &stderr
}

// TestExerciseDefaultDir runs exercise and check as a learner does, in the
// current directory with the default workspace.
func TestExerciseDefaultDir(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	e, stdout, stderr := newTestEnv(t)
	if code := e.run([]string{"exercise", "fix-deadlock"}); code != 0 {
		t.Fatalf("exercise: exit %d\n%s%s", code, stdout, stderr)
	}
	file := filepath.Join(workspaceDir, "fix-deadlock", "fix-deadlock.go")
	if _, err := os.Stat(file); err != nil {
		t.Fatalf("exercise did not write %s: %v", file, err)
	}
	stdout.Reset()
	// No arguments: the current exercise, in the default workspace.
	if code := e.run([]string{"check"}); code != 3 {
		t.Errorf("check of the starter: exit %d, want 3\n%s%s", code, stdout, stderr)
	}
	if !strings.Contains(stdout.String(), "fix-deadlock: FAIL ("+file+")") {
		t.Errorf("check stdout does not grade %s:\n%s", file, stdout)
	}
}

// TestCheckInWorker grades once in a real worker process, as the command
// does outside tests, with the progress lines it sends.
func TestCheckInWorker(t *testing.T) {
	e, stdout, stderr := newTestEnv(t)
	e.inProcess = false
	file := filepath.Join(t.TempDir(), "fix-deadlock.go")
	writeFile(t, file, []byte("package main\n\nimport \"fmt\"\n\nfunc main() {\n\tsquares := make(chan int, 3)\n\tfor i := 1; i <= 3; i++ {\n\t\tsquares <- i * i\n\t}\n\tfor i := 1; i <= 3; i++ {\n\t\tfmt.Println(<-squares)\n\t}\n}\n"))
	var calls []string
	res, err := e.spawnGrader(context.Background(), &gradingRequest{Exercise: "fix-deadlock", Filename: file, Source: mustRead(t, file), Lang: "en"},
		func(done, total int) { calls = append(calls, strconv.Itoa(done)+"/"+strconv.Itoa(total)) })
	if err != nil {
		t.Fatalf("spawnGrader: %v\n%s%s", err, stdout, stderr)
	}
	if !res.Report.Pass {
		var b bytes.Buffer
		res.Report.WriteText(&b, checker.TextOptions{Lang: i18n.En})
		t.Errorf("the buffered fix does not pass in the worker:\n%s", b.String())
	}
	if len(calls) != 15 || calls[14] != "15/15" {
		t.Errorf("progress calls = %v, want 1/15 ... 15/15", calls)
	}
}

// TestCheckWorkerOutOfMemory grades a program that allocates a terabyte:
// the worker dies, and the report says the program used too much memory.
func TestCheckWorkerOutOfMemory(t *testing.T) {
	e, _, _ := newTestEnv(t)
	e.inProcess = false
	src := "package main\n\nimport \"fmt\"\n\nfunc main() {\n\tb := make([]byte, 1<<40)\n\tfmt.Println(len(b))\n}\n"
	res, err := e.spawnGrader(context.Background(), &gradingRequest{Exercise: "fix-deadlock", Filename: "prog.go", Source: src, Lang: "en"}, nil)
	if err != nil {
		t.Fatalf("spawnGrader: %v", err)
	}
	// The runner refuses the allocation before it is made (a case fails
	// with the memory limit's message); a worker that ran out of memory
	// itself fails the whole grading with it.
	memory := false
	for _, c := range res.Report.Cases {
		memory = memory || c.Status == "fail" && strings.Contains(c.Message.En, "memory")
	}
	if res.Report.Pass || !memory {
		t.Errorf("report = %+v, want a failure about memory", res.Report)
	}
}

func mustRead(t *testing.T, name string) string {
	t.Helper()
	data, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

// TestCheckWatch drives check --watch through two savings of the file:
// the starter fails, the fixed file passes, then the test stops it.
func TestCheckWatch(t *testing.T) {
	e, stdout, stderr := newTestEnv(t)
	file := filepath.Join(t.TempDir(), "fix-deadlock.go")
	ex, err := e.lookupExercise("fix-deadlock")
	if err != nil {
		t.Fatal(err)
	}
	writeFile(t, file, []byte(ex.Starter.En))
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var rounds []bool
	err = e.watch(ctx, ex, file, &checkOpts{}, watchOpts{
		poll: 10 * time.Millisecond,
		graded: func(round int, passed bool) {
			rounds = append(rounds, passed)
			if round == 1 {
				// A save: a new size, and a new modification time.
				writeFile(t, file, []byte(strings.Replace(ex.Starter.En, "make(chan int)", "make(chan int, 3)", 1)))
				os.Chtimes(file, time.Now(), time.Now().Add(time.Second))
				return
			}
			cancel()
		},
	})
	if err != nil {
		t.Fatalf("watch: %v\n%s", err, stderr)
	}
	if diff := cmp.Diff([]bool{false, true}, rounds); diff != "" {
		t.Errorf("rounds (passed?) mismatch (-want +got):\n%s\n%s", diff, stdout)
	}
	out := stdout.String()
	for _, want := range []string{"fix-deadlock: FAIL", "changed: grading again", "fix-deadlock: PASS", "Watching " + file} {
		if !strings.Contains(out, want) {
			t.Errorf("watch output lacks %q:\n%s", want, out)
		}
	}
}

// TestCheckTarget covers how check reads its arguments.
func TestCheckTarget(t *testing.T) {
	e, _, _ := newTestEnv(t)
	tests := []struct {
		args             []string
		wantID, wantFile string
		wantErr          string
	}{
		{args: []string{"fix-deadlock"}, wantID: "fix-deadlock", wantFile: "ws/fix-deadlock/fix-deadlock.go"},
		{args: []string{"fix-deadlock", "x.go"}, wantID: "fix-deadlock", wantFile: "x.go"},
		{args: []string{"close-and-range.go"}, wantID: "close-and-range", wantFile: "close-and-range.go"},
		{args: []string{"ws/close-and-range/main.go"}, wantID: "close-and-range", wantFile: "ws/close-and-range/main.go"},
		{args: []string{"mine.go"}, wantErr: `cannot tell which exercise mine.go is for`},
		{args: []string{"no-such"}, wantErr: `there is no exercise "no-such"`},
		{args: nil, wantErr: "you have not started an exercise yet"},
	}
	for _, tt := range tests {
		ex, file, err := e.checkTarget(&checkOpts{dir: "ws"}, tt.args)
		if tt.wantErr != "" {
			if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
				t.Errorf("checkTarget(%q) error = %v, want %q", tt.args, err, tt.wantErr)
			}
			continue
		}
		if err != nil || ex.ID != tt.wantID || file != filepath.FromSlash(tt.wantFile) {
			t.Errorf("checkTarget(%q) = %v, %q, %v; want %s, %q", tt.args, ex, file, err, tt.wantID, tt.wantFile)
		}
	}
}
