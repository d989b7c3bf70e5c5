package cli

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/gotour-gpm/gotour-gpm/lessons"
	"github.com/gotour-gpm/gotour-gpm/tour"
)

// lessonView shows lesson 1 of the test lessons through the CLI, with
// the run cache in dir, and returns its output.
func lessonView(t *testing.T, dir string) string {
	t.Helper()
	return lessonViewOf(t, dir, "testdata/lessons")
}

// lessonViewOf is lessonView of the lessons in lessons, or the real ones
// if it is "".
func lessonViewOf(t *testing.T, dir, lessons string) string {
	t.Helper()
	vars := map[string]string{
		configDirEnv: filepath.Join(t.TempDir(), "config"),
		cacheDirEnv:  dir,
		lessonsEnv:   lessons,
	}
	var stdout, stderr bytes.Buffer
	e := &env{
		stdin:      strings.NewReader(""),
		stdout:     &stdout,
		stderr:     &stderr,
		getenv:     func(k string) string { return vars[k] },
		version:    testVersion,
		executable: os.Executable,
	}
	if exit := e.run([]string{"lesson", "1", "--lang", "en"}); exit != 0 {
		t.Fatalf("lesson 1: exit %d\n%s", exit, stderr.String())
	}
	return stdout.String()
}

// cachedFiles are the run files in the cache directory.
func cachedFiles(t *testing.T, dir string) []string {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(dir, "runs", "*", "*"))
	if err != nil {
		t.Fatal(err)
	}
	return files
}

// TestRunCache shows a lesson three times: the first view stores what it
// drew under its program, the second reads it back and shows the same
// text, and after the cached file is damaged (cut short, garbage, another
// key's drawing, a changed drawing) the view is still the same and the
// file is whole again.
func TestRunCache(t *testing.T) {
	dir := t.TempDir()
	first := lessonView(t, dir)
	files := cachedFiles(t, dir)
	if len(files) != 1 {
		t.Fatalf("after one view of a lesson with one program, the cache holds %d files: %v", len(files), files)
	}
	good, err := os.ReadFile(files[0])
	if err != nil {
		t.Fatal(err)
	}
	fc := fileCache{dir: filepath.Dir(files[0])}
	key := filepath.Base(files[0])
	if data, ok := fc.Get(key); !ok || !strings.Contains(first, string(data)) || !strings.Contains(string(data), "│ hello") {
		t.Fatalf("the stored drawing does not read back as the one shown: %q %v", data, ok)
	}
	if diff := cmp.Diff(first, lessonView(t, dir)); diff != "" {
		t.Errorf("the view from the cache differs (-first +second):\n%s", diff)
	}

	for name, damage := range map[string][]byte{
		"cut short":       good[:len(good)-3],
		"garbage":         []byte("\x00\xff not a drawing"),
		"another key":     []byte(strings.Replace(string(good), key, strings.Repeat("0", len(key)), 1)),
		"changed drawing": []byte(strings.Replace(string(good), "hello", "HELLO", 1)),
		"no checksum":     []byte(key + "\n"),
		"empty file":      nil,
	} {
		if err := os.WriteFile(files[0], damage, 0o644); err != nil {
			t.Fatal(err)
		}
		if _, ok := fc.Get(key); ok {
			t.Errorf("%s: a damaged drawing reads back", name)
		}
		if diff := cmp.Diff(first, lessonView(t, dir)); diff != "" {
			t.Errorf("%s: the view with a damaged cache differs (-first +second):\n%s", name, diff)
		}
		if _, ok := fc.Get(key); !ok {
			t.Errorf("%s: the view did not store the drawing again", name)
		}
	}
}

// TestRunCacheLesson1 shows the real lesson 1 twice: the second view,
// all from the cache, is the same.
func TestRunCacheLesson1(t *testing.T) {
	dir := t.TempDir()
	first := lessonViewOf(t, dir, "")
	tr, err := tour.Load(lessons.FS(), "en")
	if err != nil {
		t.Fatal(err)
	}
	if n, want := len(cachedFiles(t, dir)), len(tr.Lessons[0].Snippets); n != want {
		t.Fatalf("lesson 1 stored %d drawings, want one for each of its %d programs", n, want)
	}
	if diff := cmp.Diff(first, lessonViewOf(t, dir, "")); diff != "" {
		t.Errorf("lesson 1 from the cache differs (-first +second):\n%s", diff)
	}
}

func TestUserCacheDir(t *testing.T) {
	tests := []struct {
		goos string
		env  map[string]string
		want string
	}{
		{"linux", map[string]string{"XDG_CACHE_HOME": "/x", "HOME": "/h"}, "/x"},
		{"linux", map[string]string{"XDG_CACHE_HOME": "rel", "HOME": "/h"}, "/h/.cache"},
		{"linux", map[string]string{"HOME": "/h"}, "/h/.cache"},
		{"darwin", map[string]string{"HOME": "/h"}, "/h/Library/Caches"},
		{"windows", map[string]string{"LocalAppData": `C:\l`}, `C:\l`},
		{"linux", map[string]string{}, ""},
	}
	for _, tt := range tests {
		got, err := userCacheDir(func(k string) string { return tt.env[k] }, tt.goos)
		if got != filepath.FromSlash(tt.want) && !(tt.goos == "windows" && got == tt.want) || (tt.want == "") != (err != nil) {
			t.Errorf("userCacheDir(%v, %s) = %q, %v; want %q", tt.env, tt.goos, got, err, tt.want)
		}
	}
}
