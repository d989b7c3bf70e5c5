//go:build unix

package progress

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
)

func TestValidReasons(t *testing.T) {
	t.Parallel()
	tests := []struct {
		data string
		want any
	}{
		{`{"version": 1, "hints": {"fix-deadlock": -1}}`, &HintCountError{"fix-deadlock", -1}},
		{`{"version": 1, "hints": {"fix-deadlock": 101}}`, &HintCountError{"fix-deadlock", 101}},
		{`{"version": 1, "read": ["a--b"]}`, &IDError{"read", "a--b"}},
		{`{"version": 1, "last": "-a"}`, &IDError{"last", "-a"}},
	}
	for _, tt := range tests {
		s := &Store{Dir: t.TempDir()}
		if err := os.WriteFile(s.Path(), []byte(tt.data), 0o644); err != nil {
			t.Fatal(err)
		}
		_, err := s.Load()
		var d *DamagedError
		if !errors.As(err, &d) {
			t.Fatalf("%s: Load error = %v, want a *DamagedError", tt.data, err)
		}
		switch want := tt.want.(type) {
		case *HintCountError:
			var got *HintCountError
			if !errors.As(err, &got) || *got != *want {
				t.Errorf("%s: Load error = %v, want %v", tt.data, err, want)
			}
		case *IDError:
			var got *IDError
			if !errors.As(err, &got) || *got != *want {
				t.Errorf("%s: Load error = %v, want %v", tt.data, err, want)
			}
		}
	}
	// The limits themselves are fine.
	s := &Store{Dir: t.TempDir()}
	os.WriteFile(s.Path(), []byte(`{"version": 1, "hints": {"a": 0, "b-2": 100}, "current": "fix-deadlock"}`), 0o644)
	if _, err := s.Load(); err != nil {
		t.Errorf("Load of counts 0 and 100: %v", err)
	}
}

// TestSpecialFiles: a progress file that is a FIFO, a directory or a huge
// file is damaged, reported at once; a FIFO once hung every command.
func TestSpecialFiles(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct {
		name string
		make func(path string) error
		want error
	}{
		{"fifo", func(p string) error { return syscall.Mkfifo(p, 0o644) }, ErrNotRegular},
		{"directory", func(p string) error { return os.Mkdir(p, 0o755) }, ErrNotRegular},
		{"huge", func(p string) error {
			return os.WriteFile(p, []byte(`{"version": 1, "read": ["`+strings.Repeat("a", maxFile)+`"]}`), 0o644)
		}, ErrTooLarge},
	} {
		s := &Store{Dir: t.TempDir()}
		if err := tt.make(s.Path()); err != nil {
			t.Fatal(err)
		}
		_, err := s.Load()
		var d *DamagedError
		if !errors.As(err, &d) || !errors.Is(err, tt.want) {
			t.Errorf("%s: Load error = %v, want a *DamagedError for %v", tt.name, err, tt.want)
		}
		if err := s.MarkRead("a"); !errors.As(err, &d) {
			t.Errorf("%s: MarkRead error = %v, want a *DamagedError", tt.name, err)
		}
	}
}

// TestStaleTempRemoved: a write killed between creating its temporary
// file and renaming it leaves the file; the next change removes it.
func TestStaleTempRemoved(t *testing.T) {
	t.Parallel()
	s := &Store{Dir: t.TempDir()}
	stale := filepath.Join(s.Dir, FileName+".123456.tmp")
	if err := os.WriteFile(stale, []byte("{"), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := s.MarkRead("a"); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(stale); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("stale temporary file still there after a change (stat: %v)", err)
	}
}

// TestConcurrentHints: hint and check commands at once (here, goroutines
// with their own Store, as separate processes would have) lose no change:
// each UseHint's count and each MarkPassed are all in the file.
func TestConcurrentHints(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	const n = 40
	var wg sync.WaitGroup
	for i := range n {
		wg.Add(2)
		go func() {
			defer wg.Done()
			if _, err := (&Store{Dir: dir}).UseHint("fix-deadlock", MaxHints); err != nil {
				t.Error(err)
			}
		}()
		go func() {
			defer wg.Done()
			if err := (&Store{Dir: dir}).MarkPassed("ex-" + string(rune('a'+i%26)) + string(rune('a'+i/26))); err != nil {
				t.Error(err)
			}
		}()
	}
	wg.Wait()
	p, err := (&Store{Dir: dir}).Load()
	if err != nil {
		t.Fatal(err)
	}
	if got := p.HintsUsed("fix-deadlock"); got != n {
		t.Errorf("hint count after %d UseHint calls at once = %d", n, got)
	}
	if len(p.Passed) != n {
		t.Errorf("%d exercises passed after %d MarkPassed calls at once", len(p.Passed), n)
	}
}
