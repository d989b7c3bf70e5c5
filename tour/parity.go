package tour

import (
	"errors"
	"fmt"
	"go/scanner"
	"go/token"
	"slices"
	"strings"
)

// CheckParity reports every way two translations of the tour differ in
// what they teach or run. It returns nil when they have:
//
//   - the same lesson ids in the same order, with the same order numbers
//     and the same exercises;
//   - the same section anchors in the same order;
//   - the same snippet ids in the same order, with the same settings, in
//     sections with the same anchors;
//   - the same code once comments are removed, so only comments may be
//     translated;
//   - the same expected output.
//
// Titles, summaries and prose are free to differ. Each problem is reported
// as "file:line: message" at the place in a, naming the place in b.
func CheckParity(a, b *Tour) error {
	var errs []error
	idsA, idsB := lessonIDs(a), lessonIDs(b)
	if !slices.Equal(idsA, idsB) {
		errs = append(errs, fmt.Errorf("lessons differ: %s has %s, %s has %s",
			a.Lang, strings.Join(idsA, " "), b.Lang, strings.Join(idsB, " ")))
	}
	for _, la := range a.Lessons {
		if lb := b.Lesson(la.ID); lb != nil {
			errs = append(errs, lessonParity(la, lb)...)
		}
	}
	return errors.Join(errs...)
}

func lessonIDs(t *Tour) []string {
	ids := make([]string, len(t.Lessons))
	for i, l := range t.Lessons {
		ids[i] = l.ID
	}
	return ids
}

func lessonParity(a, b *Lesson) []error {
	var errs []error
	bad := func(line int, format string, args ...any) {
		errs = append(errs, errors.New(position(a.File, line)+fmt.Sprintf(format, args...)))
	}
	if a.Order != b.Order {
		bad(1, "order %d, but %s has order %d", a.Order, b.File, b.Order)
	}
	if !slices.Equal(a.Exercises, b.Exercises) {
		bad(1, "exercises %q, but %s has %q", a.Exercises, b.File, b.Exercises)
	}
	errs = append(errs, sectionParity(a, b)...)
	idsA, idsB := snippetIDs(a), snippetIDs(b)
	if !slices.Equal(idsA, idsB) {
		bad(1, "snippets differ: %s, but %s has %s", strings.Join(idsA, " "), b.File, strings.Join(idsB, " "))
	}
	for _, sa := range a.Snippets {
		if sb := b.Snippet(sa.ID); sb != nil {
			for _, msg := range snippetParity(a, b, sa, sb) {
				bad(sa.Line, "snippet %q: %s", sa.ID, msg)
			}
		}
	}
	return errs
}

// sectionParity reports the first section whose anchor differs: after
// that, every later section would differ too.
func sectionParity(a, b *Lesson) []error {
	for i := range max(len(a.Sections), len(b.Sections)) {
		var msg string
		line := 1
		switch {
		case i >= len(a.Sections):
			sb := b.Sections[i]
			msg = fmt.Sprintf("has no section %d, but %s:%d has one, with anchor %q", i+1, b.File, sb.Line, sb.Anchor)
		case i >= len(b.Sections):
			sa := a.Sections[i]
			line, msg = sa.Line, fmt.Sprintf("section %d has anchor %q, but %s has no section %d", i+1, sa.Anchor, b.File, i+1)
		case a.Sections[i].Anchor != b.Sections[i].Anchor:
			sa, sb := a.Sections[i], b.Sections[i]
			line, msg = sa.Line, fmt.Sprintf("section %d has anchor %q, but %s:%d has %q", i+1, sa.Anchor, b.File, sb.Line, sb.Anchor)
		default:
			continue
		}
		return []error{errors.New(position(a.File, line) + msg)}
	}
	return nil
}

func snippetIDs(l *Lesson) []string {
	ids := make([]string, len(l.Snippets))
	for i, s := range l.Snippets {
		ids[i] = s.ID
	}
	return ids
}

// snippetParity returns how two versions of a snippet differ.
func snippetParity(a, b *Lesson, sa, sb *Snippet) []string {
	var msgs []string
	where := fmt.Sprintf("%s:%d", b.File, sb.Line)
	if ia, ib := sa.Info.String(), sb.Info.String(); ia != ib {
		msgs = append(msgs, fmt.Sprintf("settings %q, but %s has %q", ia, where, ib))
	}
	if aa, ab := a.Sections[sa.Section].Anchor, b.Sections[sb.Section].Anchor; aa != ab {
		msgs = append(msgs, fmt.Sprintf("in section %q, but %s is in section %q", aa, where, ab))
	}
	if la, lb, ok := sameCode(sa.Code, sb.Code); !ok {
		msgs = append(msgs, fmt.Sprintf("code on line %d differs from %s:%d (only comments may differ)",
			sa.Line+la, b.File, sb.Line+lb))
	}
	if !sameOutput(sa.Output, sb.Output) {
		msgs = append(msgs, fmt.Sprintf("expected output differs from %s", where))
	}
	return msgs
}

// A codeToken is one Go token, with its line in the snippet (1-based).
type codeToken struct {
	tok  token.Token
	lit  string
	line int
}

// sameCode compares two programs token by token, skipping comments. It
// works on deliberately broken (nobuild) programs too, which go/parser
// would reject; layout is left to the gofmt check. If the code differs, it
// returns the line of the first difference in each.
func sameCode(a, b string) (lineA, lineB int, ok bool) {
	ta, tb := codeTokens(a), codeTokens(b)
	for i := range min(len(ta), len(tb)) {
		if ta[i].tok != tb[i].tok || ta[i].lit != tb[i].lit {
			return ta[i].line, tb[i].line, false
		}
	}
	if len(ta) != len(tb) {
		return lastLine(ta, len(tb)), lastLine(tb, len(ta)), false
	}
	return 0, 0, true
}

// lastLine returns the line of token i, or of the last token if there are
// not that many.
func lastLine(ts []codeToken, i int) int {
	if i < len(ts) {
		return ts[i].line
	}
	if len(ts) == 0 {
		return 1
	}
	return ts[len(ts)-1].line
}

func codeTokens(code string) []codeToken {
	fset := token.NewFileSet()
	file := fset.AddFile("", -1, len(code))
	var s scanner.Scanner
	s.Init(file, []byte(code), nil, 0) // mode 0: comments are skipped
	var ts []codeToken
	for {
		pos, tok, lit := s.Scan()
		if tok == token.EOF {
			return ts
		}
		if tok == token.SEMICOLON {
			lit = "" // an inserted semicolon's "\n" and a written ";" are the same token
		}
		ts = append(ts, codeToken{tok, lit, file.Line(pos)})
	}
}

func sameOutput(a, b *Expected) bool {
	if a == nil || b == nil {
		return a == b
	}
	return a.Stdout == b.Stdout && a.Unordered == b.Unordered &&
		(a.StdoutLine == 0) == (b.StdoutLine == 0) &&
		a.Stderr == b.Stderr && (a.StderrLine == 0) == (b.StderrLine == 0)
}
