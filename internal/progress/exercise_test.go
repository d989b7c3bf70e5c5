package progress

import (
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestHintsAndStart(t *testing.T) {
	t.Parallel()
	s := &Store{Dir: filepath.Join(t.TempDir(), "gotour-gpm")}
	var got []int
	for range 4 {
		n, err := s.UseHint("fix-deadlock", 3)
		if err != nil {
			t.Fatal(err)
		}
		got = append(got, n)
	}
	if diff := cmp.Diff([]int{1, 2, 3, 3}, got); diff != "" {
		t.Errorf("UseHint numbers mismatch (-want +got):\n%s", diff)
	}
	if err := s.Start("close-and-range", "channel-operations"); err != nil {
		t.Fatal(err)
	}
	p, err := s.Load()
	if err != nil {
		t.Fatal(err)
	}
	want := &Progress{Version: 1, Hints: map[string]int{"fix-deadlock": 3}, Last: "channel-operations", Current: "close-and-range"}
	if diff := cmp.Diff(want, p, cmp.Comparer(func(a, b []string) bool { return len(a) == len(b) })); diff != "" {
		t.Errorf("Load mismatch (-want +got):\n%s", diff)
	}
	if p.HintsUsed("fix-deadlock") != 3 || p.HintsUsed("close-and-range") != 0 {
		t.Errorf("HintsUsed = %d, %d; want 3, 0", p.HintsUsed("fix-deadlock"), p.HintsUsed("close-and-range"))
	}
}

func TestHintOnDamagedFile(t *testing.T) {
	t.Parallel()
	s := &Store{Dir: t.TempDir()}
	const bad = `{"version": 1, "hints": {"a": "one"}}`
	if err := os.WriteFile(s.Path(), []byte(bad), 0o644); err != nil {
		t.Fatal(err)
	}
	var d *DamagedError
	if _, err := s.UseHint("a", 3); !errors.As(err, &d) {
		t.Errorf("UseHint error = %v, want a *DamagedError", err)
	}
	if err := s.Start("a", "b"); !errors.As(err, &d) {
		t.Errorf("Start error = %v, want a *DamagedError", err)
	}
	if data, _ := os.ReadFile(s.Path()); string(data) != bad {
		t.Errorf("file changed to %q", data)
	}
}
