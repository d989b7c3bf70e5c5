package progress

import (
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestMarkAndLoad(t *testing.T) {
	t.Parallel()
	s := &Store{Dir: filepath.Join(t.TempDir(), "gotour-gpm")}
	p, err := s.Load()
	if err != nil {
		t.Fatalf("Load of a missing file: %v", err)
	}
	if len(p.Read) != 0 || len(p.Passed) != 0 {
		t.Errorf("Load of a missing file = %+v, want no progress", p)
	}
	for _, id := range []string{"goroutines", "serial-concurrent-parallel", "goroutines"} {
		if err := s.MarkRead(id); err != nil {
			t.Fatalf("MarkRead(%q): %v", id, err)
		}
	}
	if err := s.MarkPassed("wait-for-all"); err != nil {
		t.Fatalf("MarkPassed: %v", err)
	}
	p, err = s.Load()
	if err != nil {
		t.Fatal(err)
	}
	want := &Progress{Version: 1, Read: []string{"goroutines", "serial-concurrent-parallel"}, Passed: []string{"wait-for-all"}, Last: "goroutines"}
	if diff := cmp.Diff(want, p); diff != "" {
		t.Errorf("Load mismatch (-want +got):\n%s", diff)
	}
	if !p.HasRead("goroutines") || p.HasRead("channels") || !p.HasPassed("wait-for-all") {
		t.Errorf("HasRead/HasPassed disagree with %+v", p)
	}
	data, err := os.ReadFile(s.Path())
	if err != nil {
		t.Fatal(err)
	}
	wantFile := `{
  "version": 1,
  "read": [
    "goroutines",
    "serial-concurrent-parallel"
  ],
  "passed": [
    "wait-for-all"
  ],
  "last": "goroutines"
}
`
	if diff := cmp.Diff(wantFile, string(data)); diff != "" {
		t.Errorf("file mismatch (-want +got):\n%s", diff)
	}
	// No temporary file is left behind: only the file and its lock.
	entries, _ := os.ReadDir(s.Dir)
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	if diff := cmp.Diff([]string{FileName, lockName}, names); diff != "" {
		t.Errorf("directory entries (-want +got):\n%s", diff)
	}
}

func TestDamagedIsKept(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, data string
	}{
		{"not json", "{\"version\": 1, \"read\": [\"a\""},
		{"no version", `{"read": ["a"]}`},
		{"newer version", `{"version": 2, "read": ["a"]}`},
		{"wrong type", `{"version": 1, "read": "a"}`},
		// Hand edits that once crashed the hint command and were
		// written back.
		{"negative hint count", `{"version": 1, "hints": {"fix-deadlock": -3}}`},
		{"huge hint count", `{"version": 1, "hints": {"fix-deadlock": 9223372036854775807}}`},
		{"hint count past int64", `{"version": 1, "hints": {"fix-deadlock": 1e30}}`},
		{"escape in an id", "{\"version\": 1, \"current\": \"x\\u001b[2J\"}"},
		{"upper-case id", `{"version": 1, "passed": ["Fix-Deadlock"]}`},
		{"empty hints key", `{"version": 1, "hints": {"": 1}}`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			s := &Store{Dir: t.TempDir()}
			if err := os.WriteFile(s.Path(), []byte(tt.data), 0o644); err != nil {
				t.Fatal(err)
			}
			_, err := s.Load()
			var d *DamagedError
			if !errors.As(err, &d) || d.Path != s.Path() {
				t.Fatalf("Load error = %v, want a *DamagedError for %s", err, s.Path())
			}
			if err := s.MarkRead("b"); !errors.As(err, &d) {
				t.Errorf("MarkRead error = %v, want a *DamagedError", err)
			}
			data, _ := os.ReadFile(s.Path())
			if string(data) != tt.data {
				t.Errorf("file after MarkRead = %q, want it untouched: %q", data, tt.data)
			}
		})
	}
}

func TestHandEditedFileIsTidied(t *testing.T) {
	t.Parallel()
	s := &Store{Dir: t.TempDir()}
	if err := os.WriteFile(s.Path(), []byte(`{"version": 1, "read": ["b", "a", "b"]}`), 0o644); err != nil {
		t.Fatal(err)
	}
	p, err := s.Load()
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([]string{"a", "b"}, p.Read); diff != "" {
		t.Errorf("Read mismatch (-want +got):\n%s", diff)
	}
}
