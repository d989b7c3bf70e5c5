package tour_test

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/gotour-gpm/gotour-gpm/lessons"
	"github.com/gotour-gpm/gotour-gpm/tour"
)

// frontMatter is a valid header whose closing line is line 6, so a body
// appended to it starts on line 7.
const frontMatter = "---\nid: x\ntitle: X\norder: 1\nsummary: S\n---\n"

// seedFile is one lesson file used as a seed: the testdata files and the
// real lessons.
type seedFile struct {
	name string
	src  []byte
}

func seedFiles(tb testing.TB) []seedFile {
	tb.Helper()
	var files []seedFile
	names, err := filepath.Glob("testdata/*.md")
	if err != nil {
		tb.Fatal(err)
	}
	for _, name := range names {
		src, err := os.ReadFile(name)
		if err != nil {
			tb.Fatal(err)
		}
		files = append(files, seedFile{name, src})
	}
	real, err := fs.Glob(lessons.FS(), "*/*.md")
	if err != nil {
		tb.Fatal(err)
	}
	for _, name := range real {
		src, err := fs.ReadFile(lessons.FS(), name)
		if err != nil {
			tb.Fatal(err)
		}
		files = append(files, seedFile{name, src})
	}
	return files
}

// seedInfos returns every fence info string of the seed files that starts
// with "go", plus a few odd ones.
func seedInfos(tb testing.TB) []string {
	infos := []string{"go run", "go run id=x norun nobuild", "go run id=x show=", "go run id=ü",
		"go run id=x expect=fatal", "go run id=x expect=fatal expect=panic"}
	for _, f := range seedFiles(tb) {
		for _, line := range strings.Split(string(f.src), "\n") {
			line = strings.TrimLeft(line, " >")
			if strings.HasPrefix(line, "```go") {
				infos = append(infos, strings.TrimSpace(strings.TrimLeft(line, "`")))
			}
		}
	}
	return infos
}

var slugRE = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)

// checkLesson verifies what users of the model rely on: offsets and lines
// agree with Source, sections tile the body, snippets are found where the
// model says, their settings re-parse, and parsing again gives the same.
func checkLesson(t *testing.T, l *tour.Lesson) {
	t.Helper()
	src := l.Source
	lineOf := func(off int) int { return bytes.Count(src[:off], []byte("\n")) + 1 }
	if !slugRE.MatchString(l.ID) || l.Title == "" || l.Summary == "" || l.Order < 0 || l.Order > 99 {
		t.Errorf("front matter: id %q, title %q, summary %q, order %d", l.ID, l.Title, l.Summary, l.Order)
	}
	if l.BodyStart <= 0 || l.BodyStart > len(src) || !bytes.HasSuffix(src[:l.BodyStart], []byte("\n---\n")) {
		t.Errorf("BodyStart %d does not follow the front matter", l.BodyStart)
	}
	anchors := map[string]bool{}
	for i, s := range l.Sections {
		if !slugRE.MatchString(s.Anchor) || anchors[s.Anchor] {
			t.Errorf("section %d: anchor %q is not a slug or is used twice", i, s.Anchor)
		}
		anchors[s.Anchor] = true
		heading := strings.TrimLeft(string(src[s.Start:s.End]), " ")
		if s.Start < l.BodyStart || s.Start >= s.End || s.End > len(src) || !strings.HasPrefix(heading, "##") || lineOf(s.Start) != s.Line {
			t.Errorf("section %d: Start %d End %d Line %d do not match the source", i, s.Start, s.End, s.Line)
		}
		if i > 0 && l.Sections[i-1].End != s.Start || i == len(l.Sections)-1 && s.End != len(src) {
			t.Errorf("section %d: sections do not tile the body", i)
		}
	}
	ids := map[string]bool{}
	for _, s := range l.Snippets {
		checkSnippet(t, l, s, lineOf)
		if ids[s.ID] {
			t.Errorf("snippet id %q used twice", s.ID)
		}
		ids[s.ID] = true
	}
	for _, ex := range l.Exercises {
		n := 0
		for _, s := range l.Snippets {
			if s.Info.Exercise == ex {
				n++
			}
		}
		if n != 1 {
			t.Errorf("exercise %q has %d starter snippets, want 1", ex, n)
		}
	}
	again, err := tour.Parse(l.File, l.Source)
	if err != nil {
		t.Fatalf("Parse again: %v", err)
	}
	again.Lang = l.Lang // set by Load, not Parse
	if diff := cmp.Diff(l, again); diff != "" {
		t.Errorf("Parse again mismatch (-first +second):\n%s", diff)
	}
}

func checkSnippet(t *testing.T, l *tour.Lesson, s *tour.Snippet, lineOf func(int) int) {
	t.Helper()
	src := l.Source
	if s.ID != s.Info.ID || s.Section < 0 || s.Section >= len(l.Sections) {
		t.Fatalf("snippet %q: ID %q, Section %d of %d", s.ID, s.Info.ID, s.Section, len(l.Sections))
	}
	sec := l.Sections[s.Section]
	if s.Start < sec.Start || s.End > sec.End || s.Start >= s.End || lineOf(s.Start) != s.Line {
		t.Errorf("snippet %q: Start %d End %d Line %d outside its section or source", s.ID, s.Start, s.End, s.Line)
	}
	block := string(src[s.Start:s.End])
	_, inner, _ := strings.Cut(block, "\n")
	if !strings.HasPrefix(block, "```") && !strings.HasPrefix(block, "~~~") || !strings.HasPrefix(inner, s.Code) {
		t.Errorf("snippet %q: source range %q does not hold a fence with its code", s.ID, block)
	}
	if got := l.SnippetAt(s.Start); got != s {
		t.Errorf("SnippetAt(%d) = %v, want snippet %q", s.Start, got, s.ID)
	}
	in, err := tour.ParseInfo(s.Info.String())
	if err != nil {
		t.Errorf("snippet %q: ParseInfo(%q) error = %v", s.ID, s.Info.String(), err)
	}
	if diff := cmp.Diff(s.Info, in); diff != "" {
		t.Errorf("snippet %q: settings do not round-trip (-model +reparsed):\n%s", s.ID, diff)
	}
	if o := s.Output; o != nil {
		if !s.Info.Runs() || o.StdoutLine == 0 && o.StderrLine == 0 || o.StdoutLine != 0 && o.StdoutLine <= s.Line {
			t.Errorf("snippet %q: output %+v does not fit the snippet", s.ID, o)
		}
		if !o.Match(o.Stdout, o.Stderr+"\nmore") {
			t.Errorf("snippet %q: expected output does not match itself", s.ID)
		}
	}
}
