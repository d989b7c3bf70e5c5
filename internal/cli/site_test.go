package cli

import (
	"bytes"
	"context"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// BenchmarkRender renders the whole course, both languages, running every
// snippet: what "gotour-gpm render" does, without writing the files.
func BenchmarkRender(b *testing.B) {
	for b.Loop() {
		if _, _, err := buildSite(context.Background(), 0); err != nil {
			b.Fatal(err)
		}
	}
}

// TestRenderCommand renders the course to a directory, as a new user
// would, and checks the files and what the command says.
func TestRenderCommand(t *testing.T) {
	if testing.Short() {
		t.Skip("renders the whole course")
	}
	dir := t.TempDir()
	stdout, stderr, code := runArgs(t, "render", "--out", dir)
	if code != 0 {
		t.Fatalf("render exited %d: %s", code, stderr)
	}
	if !strings.Contains(stdout, "wrote ") || !strings.Contains(stdout, filepath.Join(dir, "index.html")) {
		t.Errorf("stdout = %q", stdout)
	}
	site, _ := courseSite(t)
	for _, name := range site.Names() {
		data, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(name)))
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		if string(data) != string(site.Files[name]) {
			t.Errorf("%s differs from a second render of the course: the output is not deterministic", name)
		}
	}
	// The pages stay small: the budget is 200 KB a lesson page, without
	// the shared assets.
	for _, name := range site.Names() {
		if strings.HasSuffix(name, ".html") && len(site.Files[name]) > 200_000 {
			t.Errorf("%s is %d bytes, over the 200 KB budget", name, len(site.Files[name]))
		}
	}
}

// runArgs runs gotour-gpm with args, with real files, and returns what it
// printed and its exit code.
func runArgs(t *testing.T, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	var out, errb bytes.Buffer
	e := &env{
		stdin: strings.NewReader(""), stdout: &out, stderr: &errb,
		getenv: func(string) string { return "" }, version: testVersion,
		readFile:   os.ReadFile,
		createFile: func(name string) (io.WriteCloser, error) { return os.Create(name) },
		executable: os.Executable, workerEnv: testWorkerEnvFor("worker"),
	}
	code = e.run(args)
	return out.String(), errb.String(), code
}
