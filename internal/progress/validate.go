package progress

import (
	"errors"
	"fmt"
	"io"
	"os"
)

// maxFile bounds the progress file: the whole course's progress takes a
// few kilobytes, so a larger file is not one gotour-gpm wrote.
const maxFile = 1 << 20

// MaxHints bounds a hint count in the file: no exercise has this many
// hints, so a larger count, like a negative one, is a hand edit.
const MaxHints = 100

// maxID bounds an id in the file: lesson and exercise ids are short slugs.
const maxID = 64

// ErrNotRegular is a progress file that is a directory, a FIFO or a
// device: reading it could block forever or never end.
var ErrNotRegular = errors.New("not a regular file")

// ErrTooLarge is a progress file larger than gotour-gpm ever writes.
var ErrTooLarge = errors.New("file too large")

// HintCountError is a hint count out of range, 0 to MaxHints.
type HintCountError struct {
	Exercise string
	Count    int
}

func (e *HintCountError) Error() string {
	return fmt.Sprintf("the hint count of %q is %d; it must be between 0 and %d", e.Exercise, e.Count, MaxHints)
}

// IDError is a lesson or exercise id that is not one gotour-gpm writes:
// ids are lower-case slugs such as "fix-deadlock".
type IDError struct {
	Field string // the JSON field: read, passed, hints, last or current
	ID    string
}

func (e *IDError) Error() string {
	return fmt.Sprintf("%s holds %q, which is not a lesson or exercise id", e.Field, e.ID)
}

// validate checks what a hand edit can break: ids that are not slugs
// (they are printed, so they must not carry terminal escapes) and hint
// counts out of range (a count is used as an index).
func (p *Progress) validate() error {
	for _, l := range []struct {
		field string
		ids   []string
	}{{"read", p.Read}, {"passed", p.Passed}, {"last", []string{p.Last}}, {"current", []string{p.Current}}} {
		for _, id := range l.ids {
			if id != "" && !isSlug(id) {
				return &IDError{Field: l.field, ID: id}
			}
		}
	}
	for id, n := range p.Hints {
		if !isSlug(id) {
			return &IDError{Field: "hints", ID: id}
		}
		if n < 0 || n > MaxHints {
			return &HintCountError{Exercise: id, Count: n}
		}
	}
	return nil
}

// isSlug reports whether id is lower-case letters and digits in groups
// joined by single hyphens, as lesson and exercise ids are.
func isSlug(id string) bool {
	if id == "" || len(id) > maxID || id[0] == '-' || id[len(id)-1] == '-' {
		return false
	}
	for i := 0; i < len(id); i++ {
		c := id[i]
		switch {
		case c >= 'a' && c <= 'z', c >= '0' && c <= '9':
		case c == '-' && id[i-1] != '-':
		default:
			return false
		}
	}
	return true
}

// readFile reads the progress file, refusing what is not a regular file
// or is larger than maxFile. It opens without blocking (openFlags), so a
// FIFO put in the file's place is refused instead of waiting for a
// writer forever.
func readFile(name string) ([]byte, error) {
	f, err := os.OpenFile(name, os.O_RDONLY|openFlags, 0)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return nil, err
	}
	if !st.Mode().IsRegular() {
		return nil, ErrNotRegular
	}
	data, err := io.ReadAll(io.LimitReader(f, maxFile+1))
	if err != nil {
		return nil, err
	}
	if len(data) > maxFile {
		return nil, ErrTooLarge
	}
	return data, nil
}
