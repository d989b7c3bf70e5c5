package tour

import (
	"errors"
	"fmt"
	"io/fs"
	"path"
	"slices"
	"strconv"
	"strings"
)

// A Tour is every lesson of one language, as loaded by [Load].
type Tour struct {
	// Lang is the language directory the lessons came from: "en" or "zh".
	Lang string
	// Lessons are sorted by Order.
	Lessons []*Lesson
}

// Lesson returns the lesson with the given id, or nil.
func (t *Tour) Lesson(id string) *Lesson {
	for _, l := range t.Lessons {
		if l.ID == id {
			return l
		}
	}
	return nil
}

// A Lesson is one parsed lesson file. Lessons are read-only once parsed:
// renderers, the runner's content tests and the CLI share them.
type Lesson struct {
	ID        string   // front matter id: a slug, also the file name after "NN-"
	Title     string   // front matter title
	Order     int      // front matter order: the lesson's place in the tour, and the file's NN
	Summary   string   // front matter summary: one line for lists and the site index
	Exercises []string // front matter exercises: ids, in the author's order; may be empty
	Lang      string   // language directory; set by [Load], empty after a bare [Parse]
	File      string   // name given to [Parse]; errors and messages start with it

	// Sections are the lesson's "##" sections, in order.
	Sections []Section
	// Snippets are the runnable ("go run") snippets, in order.
	Snippets []*Snippet

	// Source is the whole file. Byte offsets elsewhere in the model index it.
	Source []byte
	// BodyStart is the offset in Source where the Markdown body starts,
	// just after the front matter. Renderers parse Source[BodyStart:]
	// with goldmark and add BodyStart to the offsets of its nodes.
	BodyStart int
}

// Snippet returns the runnable snippet with the given id, or nil.
func (l *Lesson) Snippet(id string) *Snippet {
	for _, s := range l.Snippets {
		if s.ID == id {
			return s
		}
	}
	return nil
}

// SnippetAt returns the runnable snippet whose fenced block contains the
// byte offset off of Source, or nil. A renderer that meets a
// FencedCodeBlock calls it with BodyStart plus the node's Pos().
func (l *Lesson) SnippetAt(off int) *Snippet {
	for _, s := range l.Snippets {
		if s.Start <= off && off < s.End {
			return s
		}
	}
	return nil
}

// A Section is one "##" heading and the text up to the next one.
type Section struct {
	Title  string // heading text, without any {#anchor} suffix
	Anchor string // slug shared by the zh and en versions; see the package documentation
	Line   int    // 1-based line of the heading in Source
	// Start and End delimit the section in Source: from the heading to the
	// next "##" heading or the end of the file.
	Start, End int
}

// A Snippet is one runnable Go program: a fenced block whose info string
// starts with "go run". It is always a whole package main.
type Snippet struct {
	ID   string // Info.ID, repeated for convenience
	Info Info   // settings from the info string
	Code string // the program text, ending in a newline
	// Output is the expected output from the "output" blocks that follow
	// the snippet, or nil when it has none (its output is not deterministic,
	// or it does not run).
	Output *Expected
	// Section indexes Lesson.Sections: the section the snippet is in.
	Section int
	// Line is the 1-based line of the opening fence in Source; the code's
	// first line is Line+1.
	Line int
	// Start and End delimit the fenced block in Source, from the opening
	// fence through the end of the closing fence's line.
	Start, End int
}

// Expected is what a snippet's "output" blocks say its run prints.
type Expected struct {
	// Stdout is the content of the "output" block: the whole standard output.
	Stdout string
	// Unordered is set by "output unordered": the lines of standard output
	// may come in any order.
	Unordered bool
	// StdoutLine is the line of the "output" fence, or 0 if there is none
	// and standard output is not checked.
	StdoutLine int
	// Stderr is the first line of standard error, from an "output stderr"
	// block, or "" if standard error is not checked.
	Stderr string
	// StderrLine is the line of the "output stderr" fence, or 0.
	StderrLine int
}

// Match reports whether a run that printed stdout and stderr has the
// expected output. Lines are compared without trailing spaces and tabs,
// and trailing empty lines are ignored, so an editor that trims white space
// cannot break a lesson. With Unordered, stdout's lines are compared as a
// multiset. Only the first line of stderr is compared.
func (e *Expected) Match(stdout, stderr string) bool {
	if e.StdoutLine != 0 {
		got, want := lines(stdout), lines(e.Stdout)
		if e.Unordered {
			slices.Sort(got)
			slices.Sort(want)
		}
		if !slices.Equal(got, want) {
			return false
		}
	}
	if e.StderrLine != 0 {
		first, _, _ := strings.Cut(stderr, "\n")
		if strings.TrimRight(first, " \t") != e.Stderr {
			return false
		}
	}
	return true
}

// lines splits s into lines with trailing blanks removed and trailing
// empty lines dropped.
func lines(s string) []string {
	ls := strings.Split(s, "\n")
	for i, l := range ls {
		ls[i] = strings.TrimRight(l, " \t")
	}
	for len(ls) > 0 && ls[len(ls)-1] == "" {
		ls = ls[:len(ls)-1]
	}
	return ls
}

// Load parses every lang/*.md file of fsys and returns the lessons sorted
// by order. File names must be NN-ID.md, with NN the lesson's order as two
// digits and ID its id. Lesson ids, orders and exercise ids must be unique
// across the tour. Every problem found is reported, joined with
// [errors.Join], each as "file:line: message".
func Load(fsys fs.FS, lang string) (*Tour, error) {
	if !fs.ValidPath(lang) || lang == "." || strings.Contains(lang, "/") {
		return nil, fmt.Errorf("load: invalid language directory %q", lang)
	}
	names, err := fs.Glob(fsys, lang+"/*.md")
	if err != nil {
		return nil, fmt.Errorf("load %s: %w", lang, err)
	}
	if len(names) == 0 {
		return nil, fmt.Errorf("load %s: no lessons (%s/*.md)", lang, lang)
	}
	t := &Tour{Lang: lang}
	var errs []error
	for _, name := range names {
		src, err := fs.ReadFile(fsys, name)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		l, err := Parse(name, src)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		l.Lang = lang
		if want := fmt.Sprintf("%02d-%s.md", l.Order, l.ID); path.Base(name) != want {
			errs = append(errs, fmt.Errorf("%s:1: file name should be %s (NN-id.md from order and id)", name, want))
		}
		t.Lessons = append(t.Lessons, l)
	}
	slices.SortStableFunc(t.Lessons, func(a, b *Lesson) int { return a.Order - b.Order })
	errs = append(errs, t.checkUnique()...)
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	return t, nil
}

// checkUnique reports lesson ids, orders and exercise ids used twice.
func (t *Tour) checkUnique() []error {
	var errs []error
	ids := map[string]string{}
	orders := map[int]string{}
	exercises := map[string]string{}
	for _, l := range t.Lessons {
		if f, dup := ids[l.ID]; dup {
			errs = append(errs, fmt.Errorf("%s:1: lesson id %q already used by %s", l.File, l.ID, f))
		}
		ids[l.ID] = l.File
		if f, dup := orders[l.Order]; dup {
			errs = append(errs, fmt.Errorf("%s:1: order %d already used by %s", l.File, l.Order, f))
		}
		orders[l.Order] = l.File
		for _, ex := range l.Exercises {
			if f, dup := exercises[ex]; dup {
				errs = append(errs, fmt.Errorf("%s:1: exercise %q already listed by %s", l.File, ex, f))
			}
			exercises[ex] = l.File
		}
	}
	return errs
}

// position formats the "file:line: " prefix of a message.
func position(file string, line int) string {
	return file + ":" + strconv.Itoa(line) + ": "
}
