package tour_test

import (
	"strings"
	"testing"
	"testing/fstest"

	"github.com/google/go-cmp/cmp"
	"github.com/gotour-gpm/gotour-gpm/tour"
)

// lessonFile returns a minimal valid lesson with the given header values.
func lessonFile(id, order, exercises string) *fstest.MapFile {
	src := "---\nid: " + id + "\ntitle: T\norder: " + order + "\nexercises: " + exercises + "\nsummary: S\n---\n## A\n"
	for _, ex := range strings.Split(exercises, ",") {
		if ex = strings.TrimSpace(ex); ex != "" {
			src += "```go run id=" + ex + " exercise=" + ex + "\npackage main\n```\n"
		}
	}
	return &fstest.MapFile{Data: []byte(src)}
}

func TestLoad(t *testing.T) {
	fsys := fstest.MapFS{
		"en/10-ten.md":   lessonFile("ten", "10", "b"),
		"en/02-two.md":   lessonFile("two", "2", "a"),
		"en/notes.txt":   {Data: []byte("not a lesson")},
		"zh/02-two.md":   lessonFile("two", "2", ""),
		"en/sub/99-x.md": lessonFile("x", "99", ""),
	}
	tr, err := tour.Load(fsys, "en")
	if err != nil {
		t.Fatalf("Load error = %v", err)
	}
	var got []string
	for _, l := range tr.Lessons {
		got = append(got, l.File+" "+l.Lang)
	}
	if want := []string{"en/02-two.md en", "en/10-ten.md en"}; !cmp.Equal(got, want) {
		t.Errorf("Load lessons = %q, want %q", got, want)
	}
	if tr.Lang != "en" || tr.Lesson("ten") != tr.Lessons[1] || tr.Lesson("nine") != nil {
		t.Errorf("Load = %+v: wrong Lang or Lesson lookup", tr)
	}
}

func TestLoadErrors(t *testing.T) {
	tests := []struct {
		name string
		fsys fstest.MapFS
		lang string
		want []string
	}{
		{"bad lang", fstest.MapFS{}, "../en", []string{`load: invalid language directory "../en"`}},
		{"no lessons", fstest.MapFS{"en/a.txt": {}}, "en", []string{"load en: no lessons (en/*.md)"}},
		{"parse errors from every file", fstest.MapFS{
			"en/01-a.md": {Data: []byte("# no front matter\n")},
			"en/02-b.md": {Data: []byte("---\nid: b\n")},
		}, "en", []string{
			`en/01-a.md:1: file must start with a "---" line opening the front matter`,
			`en/02-b.md:1: front matter opened here has no closing "---" line`,
		}},
		{"file name", fstest.MapFS{
			"en/1-a.md":    lessonFile("a", "1", ""),
			"en/02-bee.md": lessonFile("b", "2", ""),
		}, "en", []string{
			"en/02-bee.md:1: file name should be 02-b.md (NN-id.md from order and id)",
			"en/1-a.md:1: file name should be 01-a.md (NN-id.md from order and id)",
		}},
		{"duplicates", fstest.MapFS{
			"en/01-a.md": lessonFile("a", "1", "e"),
			"en/02-b.md": lessonFile("b", "2", "e"),
			"en/02-a.md": lessonFile("a", "2", ""),
		}, "en", []string{
			`en/02-a.md:1: lesson id "a" already used by en/01-a.md`,
			`en/02-b.md:1: order 2 already used by en/02-a.md`,
			`en/02-b.md:1: exercise "e" already listed by en/01-a.md`,
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tr, err := tour.Load(tt.fsys, tt.lang)
			if err == nil {
				t.Fatalf("Load = %+v, want errors %q", tr, tt.want)
			}
			if diff := cmp.Diff(tt.want, strings.Split(err.Error(), "\n")); diff != "" {
				t.Errorf("Load errors mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

func TestExpectedMatch(t *testing.T) {
	ordered := &tour.Expected{Stdout: "a\nb\n", StdoutLine: 10}
	unordered := &tour.Expected{Stdout: "a\nb\nb\n", Unordered: true, StdoutLine: 10}
	stderr := &tour.Expected{Stderr: "panic: boom", StderrLine: 12}
	both := &tour.Expected{Stdout: "x\n", StdoutLine: 10, Stderr: "panic: boom", StderrLine: 12}
	empty := &tour.Expected{StdoutLine: 10}
	tests := []struct {
		name           string
		e              *tour.Expected
		stdout, stderr string
		want           bool
	}{
		{"exact", ordered, "a\nb\n", "", true},
		{"stderr unchecked", ordered, "a\nb\n", "noise", true},
		{"no final newline", ordered, "a\nb", "", true},
		{"trailing blanks and lines", ordered, "a  \nb\t\n\n\n", "", true},
		{"leading blank matters", ordered, " a\nb\n", "", false},
		{"order matters", ordered, "b\na\n", "", false},
		{"missing line", ordered, "a\n", "", false},
		{"unordered", unordered, "b\na\nb\n", "", true},
		{"unordered counts lines", unordered, "a\nb\n", "", false},
		{"stderr first line", stderr, "anything", "panic: boom\n\ngoroutine 1 [running]:\n", true},
		{"stderr differs", stderr, "", "panic: bang\n", false},
		{"stderr empty", stderr, "", "", false},
		{"both", both, "x\n", "panic: boom\n", true},
		{"both, stdout differs", both, "y\n", "panic: boom\n", false},
		{"expects no output", empty, "", "", true},
		{"expects no output, got some", empty, "x\n", "", false},
	}
	for _, tt := range tests {
		if got := tt.e.Match(tt.stdout, tt.stderr); got != tt.want {
			t.Errorf("%s: Match(%q, %q) = %v, want %v", tt.name, tt.stdout, tt.stderr, got, tt.want)
		}
	}
}
