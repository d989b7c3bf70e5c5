package cli

import (
	"bytes"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"golang.org/x/tools/txtar"
)

// TestCourseGolden runs the course commands (list, lesson, and the root
// without a command) on the cases in testdata/course; see the README
// there. Each case gets its own progress directory.
func TestCourseGolden(t *testing.T) {
	files, err := filepath.Glob("testdata/course/*.txtar")
	if err != nil {
		t.Fatal(err)
	}
	if len(files) == 0 {
		t.Fatal("no testdata/course/*.txtar files")
	}
	for _, file := range files {
		t.Run(strings.TrimSuffix(filepath.Base(file), ".txtar"), func(t *testing.T) {
			t.Parallel()
			runCourseCase(t, file)
		})
	}
}

// courseSections are the sections a testdata/course case may have, in
// the order -update writes them.
var courseSections = []string{"args", "env", "progress.json", "stdout", "stderr", "exit", "progress.after.json"}

func runCourseCase(t *testing.T, file string) {
	ar, err := txtar.ParseFile(file)
	if err != nil {
		t.Fatal(err)
	}
	sec := map[string][]byte{}
	for _, f := range ar.Files {
		if !slices.Contains(courseSections, f.Name) {
			t.Fatalf("%s: unknown section %q (want %s)", file, f.Name, strings.Join(courseSections, ", "))
		}
		sec[f.Name] = f.Data
	}
	config := filepath.Join(t.TempDir(), "config")
	vars := map[string]string{configDirEnv: config}
	for _, line := range strings.Split(strings.TrimSuffix(string(sec["env"]), "\n"), "\n") {
		if k, v, ok := strings.Cut(line, "="); ok {
			vars[k] = strings.ReplaceAll(v, "$CONFIG", config)
		}
	}
	if data, ok := sec["progress.json"]; ok {
		writeFile(t, filepath.Join(config, "progress.json"), data)
	}

	var stdout, stderr bytes.Buffer
	e := &env{
		stdin:   strings.NewReader(""),
		stdout:  &stdout,
		stderr:  &stderr,
		getenv:  func(k string) string { return vars[k] },
		version: testVersion,
	}
	exit := e.run(strings.Fields(string(sec["args"])))
	// The progress directory differs in every run.
	clean := func(s string) string { return strings.ReplaceAll(s, config, "$CONFIG") }
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

	if *update {
		out := &txtar.Archive{Comment: ar.Comment}
		for _, name := range courseSections {
			data, ok := got[name]
			if !ok {
				data, ok = sec[name]
			}
			if ok || name == "args" {
				out.Files = append(out.Files, txtar.File{Name: name, Data: data})
			}
		}
		if err := os.WriteFile(file, txtar.Format(out), 0o666); err != nil {
			t.Fatal(err)
		}
		return
	}
	for _, name := range []string{"stdout", "stderr", "exit", "progress.after.json"} {
		want, ok := sec[name]
		if !ok && name == "progress.after.json" {
			continue
		}
		if diff := cmp.Diff(string(want), string(got[name])); diff != "" {
			t.Errorf("%s: gotour-gpm %s: %s mismatch (-want +got):\n%s\nrun go test ./internal/cli -run TestCourseGolden -update",
				file, strings.TrimSpace(string(sec["args"])), name, diff)
		}
	}
}

func writeFile(t *testing.T, name string, data []byte) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(name), 0o777); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(name, data, 0o666); err != nil {
		t.Fatal(err)
	}
}
