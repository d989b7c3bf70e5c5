// Package progress keeps the learner's progress through the course: the
// lessons read and the exercises passed. It is a small JSON file,
// progress.json in the tool's configuration directory, which the CLI
// chooses (see internal/cli).
//
// The file is written whole, to a temporary file in the same directory
// that is then renamed over it, so a crash never leaves half a file; each
// change holds a lock file (progress.json.lock) from reading to renaming,
// so that commands run at once do not lose each other's changes. A file
// that cannot be parsed, or holds values gotour-gpm never writes (a hand
// edit), is reported as a [*DamagedError] and left as it is: progress is
// the learner's, and is never reset behind their back.
package progress

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
)

// FileName is the name of the progress file in its directory.
const FileName = "progress.json"

// lockName is the lock file next to it: not the progress file itself,
// which each write replaces.
const lockName = FileName + ".lock"

// version is the format of the file; a file of a newer format is
// reported, not overwritten.
const version = 1

// Progress is what the learner has done. Lists are sorted and without
// duplicates, so the file is the same for the same progress.
type Progress struct {
	Version int `json:"version"`
	// Read lists the ids of the lessons the learner has opened.
	Read []string `json:"read"`
	// Passed lists the ids of the exercises the learner has passed.
	Passed []string `json:"passed"`
	// Hints counts, per exercise id, the hints the learner has seen.
	Hints map[string]int `json:"hints,omitempty"`
	// Last is the id of the lesson the learner was last in: the lesson
	// last opened, or the lesson of the exercise last started.
	Last string `json:"last,omitempty"`
	// Current is the id of the exercise the learner last started.
	Current string `json:"current,omitempty"`
}

// HasRead reports whether lesson id was read.
func (p *Progress) HasRead(id string) bool { _, ok := slices.BinarySearch(p.Read, id); return ok }

// HasPassed reports whether exercise id was passed.
func (p *Progress) HasPassed(id string) bool { _, ok := slices.BinarySearch(p.Passed, id); return ok }

// Recorder records progress. The lesson command records lessons read;
// the check command, exercises passed. Tests may substitute their own.
type Recorder interface {
	MarkRead(lesson string) error
	MarkPassed(exercise string) error
}

// Store is the progress file in directory Dir. Its zero value is not
// usable: Dir must be set.
type Store struct {
	// Dir is the directory of progress.json, created when first written.
	Dir string
}

var _ Recorder = (*Store)(nil)

// Path is the progress file's path.
func (s *Store) Path() string { return filepath.Join(s.Dir, FileName) }

// DamagedError reports a progress file that exists but cannot be read as
// progress. The file is left untouched.
type DamagedError struct {
	Path string
	Err  error
}

func (e *DamagedError) Error() string {
	return fmt.Sprintf("progress file %s is damaged: %v", e.Path, e.Err)
}

func (e *DamagedError) Unwrap() error { return e.Err }

// Load reads the progress. A missing file is no progress yet, not an
// error; a file that is not a regular file, is too large, does not parse
// or holds values no gotour-gpm writes is a *DamagedError. Any other
// error (permission denied, say) is returned as the file system gave it.
func (s *Store) Load() (*Progress, error) {
	data, err := readFile(s.Path())
	if errors.Is(err, fs.ErrNotExist) {
		return &Progress{Version: version}, nil
	}
	if errors.Is(err, ErrNotRegular) || errors.Is(err, ErrTooLarge) {
		return nil, &DamagedError{Path: s.Path(), Err: err}
	}
	if err != nil {
		return nil, err
	}
	var p Progress
	if err := json.Unmarshal(data, &p); err != nil {
		return nil, &DamagedError{Path: s.Path(), Err: err}
	}
	switch {
	case p.Version == 0:
		return nil, &DamagedError{Path: s.Path(), Err: errors.New("no format version")}
	case p.Version > version:
		return nil, &DamagedError{Path: s.Path(), Err: fmt.Errorf("format version %d is newer than this gotour-gpm's %d", p.Version, version)}
	}
	if err := p.validate(); err != nil {
		return nil, &DamagedError{Path: s.Path(), Err: err}
	}
	p.Read, p.Passed = tidy(p.Read), tidy(p.Passed)
	return &p, nil
}

// MarkRead records that lesson id was read, and is the last lesson.
func (s *Store) MarkRead(id string) error {
	return s.update(func(p *Progress) bool {
		changed := add(&p.Read, id)
		return setString(&p.Last, id) || changed
	})
}

// MarkPassed records that exercise id was passed.
func (s *Store) MarkPassed(id string) error {
	return s.update(func(p *Progress) bool { return add(&p.Passed, id) })
}

// update loads the progress, applies change, and writes the result if
// change reports a change. A damaged file stops it before any write.
// The whole read-modify-write holds the store's lock, so that two
// commands at once (check and hint, say) cannot lose each other's change;
// temporary files that a killed write left behind are removed under it.
func (s *Store) update(change func(*Progress) bool) error {
	if err := os.MkdirAll(s.Dir, 0o755); err != nil {
		return err
	}
	unlock, err := lock(filepath.Join(s.Dir, lockName))
	if err != nil {
		return err
	}
	defer unlock()
	s.removeStale()
	p, err := s.Load()
	if err != nil {
		return err
	}
	if !change(p) {
		return nil
	}
	return s.write(p)
}

// removeStale removes the temporary files of writes that never finished
// (the process was killed between creating and renaming one). Every
// writer holds the lock, so under it no other write is in progress.
func (s *Store) removeStale() {
	stale, _ := filepath.Glob(filepath.Join(s.Dir, FileName+".*.tmp"))
	for _, name := range stale {
		os.Remove(name)
	}
}

// write replaces the file atomically: a temporary file in the same
// directory, synced, then renamed over the old one.
func (s *Store) write(p *Progress) error {
	out := *p
	out.Version = version
	// Empty lists are written as [], not null.
	out.Read, out.Passed = append([]string{}, p.Read...), append([]string{}, p.Passed...)
	data, err := json.MarshalIndent(&out, "", "  ")
	if err != nil {
		return err
	}
	data = append(data, '\n')
	f, err := os.CreateTemp(s.Dir, FileName+".*.tmp")
	if err != nil {
		return err
	}
	tmp := f.Name()
	_, err = f.Write(data)
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp, s.Path())
	}
	if err != nil {
		os.Remove(tmp)
		return fmt.Errorf("writing progress: %w", err)
	}
	return nil
}

// add inserts id into the sorted list, reporting whether it was new.
func add(list *[]string, id string) bool {
	i, found := slices.BinarySearch(*list, id)
	if found {
		return false
	}
	*list = slices.Insert(*list, i, id)
	return true
}

// tidy sorts a list read from the file and drops duplicates, so that a
// hand-edited file still works.
func tidy(list []string) []string {
	list = slices.Clone(list)
	slices.Sort(list)
	return slices.Compact(list)
}
