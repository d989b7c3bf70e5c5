//go:build unix

package cli

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"

	"github.com/google/go-cmp/cmp"
	"golang.org/x/tools/txtar"

	"github.com/gotour-gpm/gotour-gpm/internal/i18n"
)

// hostile is one case of the bad-input corpus, testdata/hostile/*.txtar:
// a file or a progress file a careless or hostile learner could give the
// tool, and what must happen, in both languages. See
// testdata/hostile/README.
type hostile struct {
	name    string
	comment string
	setup   []string          // setup lines, such as "fifo prog.go"
	args    []string          // the command line; $DIR is the case's folder
	files   map[string][]byte // other sections: files written into $DIR
	out     map[string]string // expected: stdout.en, stderr.zh, ...
	exit    int
	load    bool // also run under CPU hogs (TestHostileUnderLoad)
	ar      *txtar.Archive
}

func readHostile(t *testing.T, file string) *hostile {
	t.Helper()
	ar, err := txtar.ParseFile(file)
	if err != nil {
		t.Fatal(err)
	}
	h := &hostile{name: strings.TrimSuffix(filepath.Base(file), ".txtar"), comment: string(ar.Comment),
		files: map[string][]byte{}, out: map[string]string{}, exit: -1, ar: ar}
	for _, f := range ar.Files {
		text := string(f.Data)
		switch {
		case f.Name == "setup":
			for _, l := range strings.Split(strings.TrimSpace(text), "\n") {
				if l = strings.TrimSpace(l); l == "load" {
					h.load = true
				} else if l != "" {
					h.setup = append(h.setup, l)
				}
			}
		case f.Name == "args":
			h.args = strings.Fields(text)
		case f.Name == "exit":
			if h.exit, err = strconv.Atoi(strings.TrimSpace(text)); err != nil {
				t.Fatalf("%s: exit: %v", file, err)
			}
		case strings.HasPrefix(f.Name, "stdout.") || strings.HasPrefix(f.Name, "stderr."):
			h.out[f.Name] = text
		default:
			h.files[f.Name] = f.Data
		}
	}
	if h.args == nil || h.exit < 0 {
		t.Fatalf("%s: needs -- args -- and -- exit --", file)
	}
	return h
}

// prepare makes the case's folder: its files, then its setup lines.
func (h *hostile) prepare(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	for name, data := range h.files {
		p := filepath.Join(dir, name)
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for _, line := range h.setup {
		f := strings.Fields(line)
		p := filepath.Join(dir, f[len(f)-1])
		os.MkdirAll(filepath.Dir(p), 0o755)
		var err error
		switch f[0] {
		case "fifo": // fifo NAME
			err = syscall.Mkfifo(p, 0o644)
		case "dir": // dir NAME
			err = os.Mkdir(p, 0o755)
		case "link": // link TARGET NAME: a symbolic link
			err = os.Symlink(f[1], p)
		case "huge": // huge SIZE NAME: a valid-looking program padded with spaces
			n, _ := strconv.Atoi(f[1])
			src := "package main\n\nfunc main() {}\n"
			err = os.WriteFile(p, []byte(src+strings.Repeat(" ", n-len(src))), 0o644)
		case "unreadable": // unreadable NAME: mode 000 (root reads it anyway)
			err = os.Chmod(p, 0)
		default:
			t.Fatalf("%s: unknown setup %q", h.name, line)
		}
		if err != nil {
			t.Fatalf("%s: %s: %v", h.name, line, err)
		}
	}
	return dir
}

// run runs the case's command line in lang, with $DIR as the working
// files' folder and $DIR/config as the configuration directory, through
// the real worker process.
func (h *hostile) run(dir string, lang i18n.Lang) (stdout, stderr string, code int) {
	var out, errb bytes.Buffer
	vars := map[string]string{"LANG": map[i18n.Lang]string{i18n.En: "en_US.UTF-8", i18n.Zh: "zh_CN.UTF-8"}[lang],
		configDirEnv: filepath.Join(dir, "config")}
	e := &env{
		stdin:      strings.NewReader(""),
		stdout:     &out,
		stderr:     &errb,
		getenv:     func(k string) string { return vars[k] },
		version:    testVersion,
		readFile:   readSourceFile,
		createFile: func(name string) (io.WriteCloser, error) { return nil, fmt.Errorf("cannot create %s", name) },
		executable: os.Executable,
		workerEnv:  testWorkerEnvFor("worker"),
	}
	args := make([]string, len(h.args))
	for i, a := range h.args {
		args[i] = strings.ReplaceAll(a, "$DIR", dir)
	}
	code = e.run(args)
	clean := func(s string) string { return strings.ReplaceAll(s, dir, "$DIR") }
	return clean(out.String()), clean(errb.String()), code
}

// internals are strings of the tool's own insides that must never reach
// the learner: a Go stack trace of the tool, reflect's and yaegi's
// messages.
var internals = []string{"yaegi", "reflect", "runtime/debug.Stack", "goroutine 1 [running]", "internal/cli.", "/interp/", "panic: runtime error"}

func TestHostile(t *testing.T) {
	files, err := filepath.Glob("testdata/hostile/*.txtar")
	if err != nil || len(files) == 0 {
		t.Fatalf("no testdata/hostile/*.txtar: %v", err)
	}
	for _, file := range files {
		h := readHostile(t, file)
		t.Run(h.name, func(t *testing.T) {
			t.Parallel()
			h.check(t, file)
		})
	}
}

// check runs h in both languages and compares with its expectations, or
// rewrites them with -update.
func (h *hostile) check(t *testing.T, file string) {
	got := map[string]string{}
	for _, lang := range []i18n.Lang{i18n.En, i18n.Zh} {
		dir := h.prepare(t)
		stdout, stderr, code := h.run(dir, lang)
		got["stdout."+string(lang)], got["stderr."+string(lang)] = stdout, stderr
		if code != h.exit && !*update {
			t.Errorf("%s (%s): exit %d, want %d\nstderr:\n%s", h.name, lang, code, h.exit, stderr)
		}
		for _, bad := range internals {
			if strings.Contains(stdout+stderr, bad) {
				t.Errorf("%s (%s): the tool's internals (%q) reach the learner:\n%s%s", h.name, lang, bad, stdout, stderr)
			}
		}
	}
	if *update {
		h.write(t, file, got)
		return
	}
	for name, want := range h.out {
		if diff := cmp.Diff(want, got[name]); diff != "" {
			t.Errorf("%s: %s mismatch (-want +got):\n%s", h.name, name, diff)
		}
	}
	for name, g := range got {
		if _, ok := h.out[name]; !ok && g != "" {
			t.Errorf("%s: unexpected %s:\n%s", h.name, name, g)
		}
	}
}

// write rewrites file with got's outputs, keeping everything else.
func (h *hostile) write(t *testing.T, file string, got map[string]string) {
	var files []txtar.File
	for _, f := range h.ar.Files {
		if !strings.HasPrefix(f.Name, "stdout.") && !strings.HasPrefix(f.Name, "stderr.") {
			files = append(files, f)
		}
	}
	for _, name := range []string{"stdout.en", "stdout.zh", "stderr.en", "stderr.zh"} {
		if got[name] != "" {
			files = append(files, txtar.File{Name: name, Data: []byte(got[name])})
		}
	}
	h.ar.Files = files
	if err := os.WriteFile(file, txtar.Format(h.ar), 0o644); err != nil {
		t.Fatal(err)
	}
}
