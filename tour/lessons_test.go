package tour_test

import (
	"go/format"
	"go/parser"
	"go/token"
	"strings"
	"testing"

	"github.com/gotour-gpm/gotour-gpm/lessons"
	"github.com/gotour-gpm/gotour-gpm/tour"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/text"
)

// These tests check the real lessons in package lessons against the
// format: they load, the translations agree, and every snippet is
// gofmt-clean. Running the snippets is the root content test's job, as it
// needs the runner.

func loadLessons(t *testing.T) (en, zh *tour.Tour) {
	t.Helper()
	en, err := tour.Load(lessons.FS(), "en")
	if err != nil {
		t.Fatalf("load en lessons:\n%v", err)
	}
	zh, err = tour.Load(lessons.FS(), "zh")
	if err != nil {
		t.Fatalf("load zh lessons:\n%v", err)
	}
	return en, zh
}

func TestLessonsParity(t *testing.T) {
	en, zh := loadLessons(t)
	if err := tour.CheckParity(en, zh); err != nil {
		t.Errorf("zh and en lessons differ:\n%v", err)
	}
}

func TestLessonsInvariants(t *testing.T) {
	en, zh := loadLessons(t)
	for _, tr := range []*tour.Tour{en, zh} {
		for _, l := range tr.Lessons {
			t.Run(l.File, func(t *testing.T) { checkLesson(t, l) })
		}
	}
}

// TestLessonsGofmt checks that every snippet is formatted as gofmt would.
// A nobuild snippet that does not even parse is exempt: gofmt cannot
// format it either.
func TestLessonsGofmt(t *testing.T) {
	en, zh := loadLessons(t)
	for _, tr := range []*tour.Tour{en, zh} {
		for _, l := range tr.Lessons {
			for _, s := range l.Snippets {
				if _, err := parser.ParseFile(token.NewFileSet(), "", s.Code, parser.SkipObjectResolution); err != nil {
					if !s.Info.NoBuild {
						t.Errorf("%s:%d: snippet %q does not parse: %v", l.File, s.Line, s.ID, err)
					}
					continue
				}
				got, err := format.Source([]byte(s.Code))
				if err != nil || string(got) != s.Code {
					t.Errorf("%s:%d: snippet %q is not gofmt-clean (err %v); gofmt would write:\n%s", l.File, s.Line, s.ID, err, got)
				}
			}
		}
	}
}

// TestLessonsEmphasis catches "**" that CommonMark leaves as text. It
// happens in Chinese prose when the closing "**" follows punctuation and a
// letter follows it, as in "**并发（concurrency）**是": write
// "**并发**（concurrency）是" instead.
func TestLessonsEmphasis(t *testing.T) {
	en, zh := loadLessons(t)
	md := goldmark.New()
	for _, tr := range []*tour.Tour{en, zh} {
		for _, l := range tr.Lessons {
			body := l.Source[l.BodyStart:]
			doc := md.Parser().Parse(text.NewReader(body))
			_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
				if txt, ok := n.(*ast.Text); ok && entering && strings.Contains(string(txt.Segment.Value(body)), "*") {
					line := strings.Count(string(l.Source[:l.BodyStart+txt.Segment.Start]), "\n") + 1
					t.Errorf("%s:%d: a literal * in the text: emphasis that did not parse?", l.File, line)
				}
				return ast.WalkContinue, nil
			})
		}
	}
}
