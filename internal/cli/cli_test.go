package cli

import (
	"bytes"
	"errors"
	"fmt"
	goldenflag "github.com/gotour-gpm/gotour-gpm/internal/golden"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"golang.org/x/tools/txtar"

	"github.com/gotour-gpm/gotour-gpm/internal/i18n"
)

var update = goldenflag.Update

// testVersion is the version the golden files expect; the real one
// depends on how the binary was built.
const testVersion = "v0.0.0-test"

// golden is one testdata/*.txtar case; see testdata/README.
type golden struct {
	comment []byte
	args    []string
	env     map[string]string
	envText []byte       // the env section as written, or nil if absent
	files   []txtar.File // input files: the sections named *.go
	stdout  string
	stderr  string
	exit    int
}

func TestGolden(t *testing.T) {
	files, err := filepath.Glob("testdata/*.txtar")
	if err != nil {
		t.Fatal(err)
	}
	if len(files) == 0 {
		t.Fatal("no testdata/*.txtar files")
	}
	for _, file := range files {
		t.Run(strings.TrimSuffix(filepath.Base(file), ".txtar"), func(t *testing.T) {
			t.Parallel()
			want := readGolden(t, file)
			got := runGolden(want, false)
			if *update {
				writeGolden(t, file, want, got)
				return
			}
			for _, c := range []struct {
				name      string
				want, got any
			}{
				{"stdout", want.stdout, got.stdout},
				{"stderr", want.stderr, got.stderr},
				{"exit", want.exit, got.exit},
			} {
				if diff := cmp.Diff(c.want, c.got); diff != "" {
					t.Errorf("%s: gotour-gpm %s: %s mismatch (-want +got):\n%s\nrun go test ./internal/cli -update",
						file, strings.Join(want.args, " "), c.name, diff)
				}
			}
		})
	}
}

// subprocessOnly lists the golden cases whose outcome needs the worker
// process: the memory watchdog measures the whole process.
var subprocessOnly = map[string]bool{"run_memory_limit": true}

// TestGoldenInProcess runs the run command's golden cases again in the
// in-process mode, which tests of output formatting may use: it must
// print exactly what the worker does.
func TestGoldenInProcess(t *testing.T) {
	files, err := filepath.Glob("testdata/run_*.txtar")
	if err != nil {
		t.Fatal(err)
	}
	for _, file := range files {
		name := strings.TrimSuffix(filepath.Base(file), ".txtar")
		if subprocessOnly[name] {
			continue
		}
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			want := readGolden(t, file)
			got := runGolden(want, true)
			for _, c := range []struct {
				name      string
				want, got any
			}{
				{"stdout", want.stdout, got.stdout},
				{"stderr", want.stderr, got.stderr},
				{"exit", want.exit, got.exit},
			} {
				if diff := cmp.Diff(c.want, c.got); diff != "" {
					t.Errorf("%s: in-process gotour-gpm %s: %s mismatch (-want +got):\n%s",
						file, strings.Join(want.args, " "), c.name, diff)
				}
			}
		})
	}
}

// runGolden runs g's command line in-process with g's environment and
// files only. The run command starts its worker from the test binary (see
// TestMain), unless inProcess is set.
func runGolden(g golden, inProcess bool) golden {
	var stdout, stderr bytes.Buffer
	e := &env{
		stdin:   strings.NewReader(""),
		stdout:  &stdout,
		stderr:  &stderr,
		getenv:  func(k string) string { return g.env[k] },
		version: testVersion,
		readFile: func(name string) ([]byte, error) {
			for _, f := range g.files {
				if f.Name == name {
					return f.Data, nil
				}
			}
			return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrNotExist}
		},
		createFile: func(name string) (io.WriteCloser, error) {
			return nil, fmt.Errorf("golden tests cannot create %s", name)
		},
		executable: os.Executable,
		workerEnv:  testWorkerEnvFor("worker"),
		inProcess:  inProcess,
	}
	g.exit = e.run(g.args)
	g.stdout, g.stderr = stdout.String(), stderr.String()
	return g
}

func readGolden(t *testing.T, file string) golden {
	t.Helper()
	ar, err := txtar.ParseFile(file)
	if err != nil {
		t.Fatal(err)
	}
	g := golden{comment: ar.Comment, env: map[string]string{}}
	seen := map[string]bool{}
	for _, f := range ar.Files {
		if seen[f.Name] {
			t.Fatalf("%s: duplicate section %q", file, f.Name)
		}
		seen[f.Name] = true
		text := string(f.Data)
		switch f.Name {
		case "args":
			g.args = strings.Fields(text)
		case "env":
			g.envText = f.Data
			for i, line := range strings.Split(strings.TrimSuffix(text, "\n"), "\n") {
				k, v, ok := strings.Cut(line, "=")
				if !ok || k == "" {
					t.Fatalf("%s: env line %d: want KEY=VALUE, got %q", file, i+1, line)
				}
				g.env[k] = v
			}
		case "stdout":
			g.stdout = text
		case "stderr":
			g.stderr = text
		case "exit":
			g.exit, err = strconv.Atoi(strings.TrimSpace(text))
			if err != nil {
				t.Fatalf("%s: exit: %v", file, err)
			}
		default:
			if !strings.HasSuffix(f.Name, ".go") {
				t.Fatalf("%s: unknown section %q (want args, env, NAME.go, stdout, stderr, exit)", file, f.Name)
			}
			g.files = append(g.files, f)
		}
	}
	if !seen["args"] {
		t.Fatalf("%s: missing -- args -- section", file)
	}
	return g
}

// writeGolden rewrites file with the output in got, keeping the comment,
// the args and the env of want.
func writeGolden(t *testing.T, file string, want, got golden) {
	t.Helper()
	for name, out := range map[string]string{"stdout": got.stdout, "stderr": got.stderr} {
		if out != "" && !strings.HasSuffix(out, "\n") {
			t.Fatalf("%s: %s does not end in a newline, which txtar cannot keep", file, name)
		}
	}
	ar := &txtar.Archive{Comment: want.comment}
	add := func(name string, data []byte) {
		ar.Files = append(ar.Files, txtar.File{Name: name, Data: data})
	}
	add("args", []byte(strings.Join(want.args, " ")+"\n"))
	if want.envText != nil {
		add("env", want.envText)
	}
	ar.Files = append(ar.Files, want.files...)
	add("stdout", []byte(got.stdout))
	add("stderr", []byte(got.stderr))
	add("exit", []byte(strconv.Itoa(got.exit)+"\n"))
	if err := os.WriteFile(file, txtar.Format(ar), 0o666); err != nil {
		t.Fatal(err)
	}
}

// TestExitCode covers the errors no command returns yet.
func TestExitCode(t *testing.T) {
	tests := []struct {
		name       string
		err        error
		lang       i18n.Lang
		wantCode   int
		wantStderr string
	}{
		{name: "nil", err: nil, wantCode: 0},
		{name: "plain error", err: errors.New("lesson 9 not found"), wantCode: 1,
			wantStderr: "gotour-gpm: lesson 9 not found\n"},
		{name: "localized error in zh", err: errorf(i18n.Text{En: "no lesson %d", Zh: "没有第 %d 课"}, 9), lang: i18n.Zh, wantCode: 1,
			wantStderr: "gotour-gpm: 没有第 9 课\n"},
		{name: "wrapped with context stays English", err: fmt.Errorf("loading: %w", errorf(i18n.Text{En: "no lesson", Zh: "没有课程"})), lang: i18n.Zh, wantCode: 1,
			wantStderr: "gotour-gpm: loading: no lesson\n"},
		{name: "not passed", err: ErrNotPassed, wantCode: 3,
			wantStderr: "gotour-gpm: exercise did not pass\n"},
		{name: "not passed zh, wrapped", err: fmt.Errorf("%w", ErrNotPassed), lang: i18n.Zh, wantCode: 3,
			wantStderr: "gotour-gpm: 练习未通过\n"},
		{name: "exit error is silent", err: &ExitError{Code: 42}, wantCode: 42},
		{name: "wrapped exit error", err: fmt.Errorf("run: %w", &ExitError{Code: 7}), wantCode: 7},
		{name: "usage", err: &usageError{err: errors.New("bad"), cmd: "gotour-gpm run"}, wantCode: 2,
			wantStderr: "gotour-gpm: bad\nRun \"gotour-gpm run --help\" for usage.\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var stderr bytes.Buffer
			e := &env{stderr: &stderr, lang: tt.lang}
			if e.lang == "" {
				e.lang = i18n.En
			}
			if got := e.exitCode(tt.err); got != tt.wantCode {
				t.Errorf("exitCode(%v) = %d, want %d", tt.err, got, tt.wantCode)
			}
			if diff := cmp.Diff(tt.wantStderr, stderr.String()); diff != "" {
				t.Errorf("stderr mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

// TestMainNilArgs checks that Main runs the root command when given no
// arguments, rather than letting cobra fall back to os.Args (which holds
// the test binary's -test.* flags).
func TestMainNilArgs(t *testing.T) {
	var stdout, stderr bytes.Buffer
	if code := Main(nil, strings.NewReader(""), &stdout, &stderr); code != 0 {
		t.Errorf("Main(nil) = %d, want 0; stderr:\n%s", code, stderr.String())
	}
	if !strings.Contains(stdout.String(), "gotour-gpm") {
		t.Errorf("Main(nil) stdout = %q, want the welcome", stdout.String())
	}
}

func TestMainVersion(t *testing.T) {
	var stdout, stderr bytes.Buffer
	if code := Main([]string{"--version"}, nil, &stdout, &stderr); code != 0 {
		t.Fatalf("Main(--version) = %d, want 0; stderr:\n%s", code, stderr.String())
	}
	want := "gotour-gpm " + buildVersion() + "\n"
	if got := stdout.String(); got != want {
		t.Errorf("Main(--version) stdout = %q, want %q", got, want)
	}
}
