package tour_test

import (
	"bytes"
	"encoding/json"
	"github.com/gotour-gpm/gotour-gpm/internal/golden"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/gotour-gpm/gotour-gpm/tour"
)

var update = golden.Update

func TestParse(t *testing.T) {
	src := frontMatter + "Intro.\n" + // line 7
		"\n" +
		"## One\n" + // line 9
		"\n" +
		"```go run id=hi procs=2 show=timeline\n" + // line 11
		"package main\n" +
		"\n" +
		"func main() { println(\"hi\") }\n" +
		"```\n" +
		"\n" +
		"```output stderr\n" + // line 17
		"hi\n" +
		"```\n" +
		"## 二 {#two}\n" + // line 20
		"text\n"
	l, err := tour.Parse("en/01-x.md", []byte(src))
	if err != nil {
		t.Fatalf("Parse error = %v", err)
	}
	start := strings.Index(src, "```go")
	end := strings.Index(src, "```\n\n```output") + len("```\n")
	two := strings.Index(src, "## 二")
	want := &tour.Lesson{
		ID: "x", Title: "X", Order: 1, Summary: "S", File: "en/01-x.md",
		Sections: []tour.Section{
			{Title: "One", Anchor: "one", Line: 9, Start: strings.Index(src, "## One"), End: two},
			{Title: "二", Anchor: "two", Line: 20, Start: two, End: len(src)},
		},
		Snippets: []*tour.Snippet{{
			ID:     "hi",
			Info:   tour.Info{ID: "hi", Procs: 2, CPUs: 2, Show: []tour.View{tour.ViewTimeline}},
			Code:   "package main\n\nfunc main() { println(\"hi\") }\n",
			Output: &tour.Expected{Stderr: "hi", StderrLine: 17},
			Line:   11, Start: start, End: end,
		}},
		Source:    []byte(src),
		BodyStart: len(frontMatter),
	}
	if diff := cmp.Diff(want, l); diff != "" {
		t.Errorf("Parse mismatch (-want +got):\n%s", diff)
	}
	checkLesson(t, l)
}

func TestParseErrors(t *testing.T) {
	tests := []struct {
		name string
		src  string // a body appended to frontMatter (which ends on line 6), unless it starts with "---" or is "!"-prefixed
		want []string
	}{
		{"no front matter", "!# Title\n", []string{"f.md:1: file must start with a \"---\" line opening the front matter"}},
		{"CRLF", "!---\r\nid: x\r\n", []string{"f.md:1: carriage return: lesson files use LF line endings"}},
		{"bad UTF-8", frontMatter + "ok\n\xff\n", []string{"f.md:8: invalid UTF-8"}},
		{"front matter errors", "---\nid: x\nid: y\ntitle:\norder: 1a\nsummary:x\nauthor: me\n---\n", []string{
			`f.md:1: front matter has no "summary"`,
			`f.md:3: front matter key "id" already given on line 2`,
			`f.md:4: title is empty`,
			`f.md:5: order "1a" is not a number in 0..99`,
			`f.md:6: front matter line "summary:x" is not "key: value"`,
			`f.md:7: unknown front matter key "author" (want one of id, title, order, exercises, summary)`,
		}},
		{"unclosed front matter", "---\nid: x\n", []string{`f.md:1: front matter opened here has no closing "---" line`}},
		{"front matter closed at EOF without newline", "---\nid: x\n---", []string{`f.md:1: front matter opened here has no closing "---" line`}},
		{"empty front matter", "---\n---\n", []string{`f.md:1: front matter has no "id"`, `f.md:1: front matter has no "title"`, `f.md:1: front matter has no "order"`, `f.md:1: front matter has no "summary"`}},
		{"level-1 heading", "# Title\n", []string{"f.md:7: level-1 heading: the lesson title is the front matter's title; sections start with ##"}},
		{"setext heading", "Title\n-----\n", []string{"f.md:7: underlined heading: start sections with ## so they are easy to see"}},
		{"heading needs anchor", "## 总结\n", []string{`f.md:7: heading "总结" has no ASCII letters to make an anchor from: add {#anchor}`}},
		{"anchor not a slug", "## A {#A_b}\n", []string{`f.md:7: anchor "A_b" is not a slug (lower-case letters, digits, single hyphens)`}},
		{"other attribute", "## A {.wide}\n", []string{"f.md:7: only an {#anchor} may follow a heading, not other attributes"}},
		{"anchor on h3", "## A\n### B {#b}\n", []string{"f.md:8: {#anchor} is allowed on ## headings only"}},
		{"malformed anchor", "## A {#a b}\n", []string{`f.md:7: malformed {#anchor} suffix in heading "A {#a b}"`}},
		{"empty anchor", "## A {#}\n", []string{`f.md:7: anchor "" is not a slug (lower-case letters, digits, single hyphens)`}},
		{"duplicate anchor", "## A b\n## A-B\n", []string{`f.md:8: section anchor "a-b" already used on line 7`}},
		{"snippet before sections", "```go run id=a\npackage main\n```\n", []string{`f.md:7: runnable snippet "a" comes before the first ## section`}},
		{"go without run", "## A\n```go id=a\npackage main\n```\n", []string{`f.md:8: fence info "go id=a": runnable snippets start with "go run"; plain code is just "go"`}},
		{"bad settings", "## A\n```go run procs=0 bogus\npackage main\n```\n", []string{
			"f.md:8: procs=0 out of range 1..64", `f.md:8: unknown setting "bogus"`,
		}},
		{"not package main", "## A\n```go run id=a\nfunc main() {}\n```\n", []string{`f.md:8: snippet "a" is not a whole program starting with "package main"`}},
		{"duplicate id", "## A\n```go run id=a\npackage main\n```\n```go run id=a\npackage main\n```\n", []string{`f.md:11: snippet id "a" already used on line 8`}},
		{"unclosed fence", "## A\n```go run id=a\npackage main\n", []string{"f.md:8: code fence is never closed"}},
		{"unclosed plain fence", "## A\n~~~~\ntext\n~~~\n", []string{"f.md:8: code fence is never closed"}},
		{"orphan output", "## A\n```output\nx\n```\n", []string{"f.md:8: output block does not directly follow a go run snippet"}},
		{"output after prose", "## A\n```go run id=a\npackage main\n```\nprose\n```output\nx\n```\n", []string{"f.md:12: output block does not directly follow a go run snippet"}},
		{"output after plain go", "## A\n```go\nx\n```\n```output\nx\n```\n", []string{"f.md:11: output block does not directly follow a go run snippet"}},
		{"output after norun", "## A\n```go run id=a norun\npackage main\n```\n```output\nx\n```\n", []string{`f.md:11: output block after snippet "a", which does not run`}},
		{"unknown output", "## A\n```go run id=a\npackage main\n```\n```output sorted\nx\n```\n", []string{`f.md:11: unknown output block "output sorted" (want output, output unordered or output stderr)`}},
		{"two outputs", "## A\n```go run id=a\npackage main\n```\n```output\nx\n```\n```output unordered\nx\n```\n", []string{`f.md:14: snippet "a" already has an output block`}},
		{"stdout after stderr", "## A\n```go run id=a\npackage main\n```\n```output stderr\nx\n```\n```output\nx\n```\n", []string{`f.md:14: snippet "a" already has an output stderr block, which comes last`}},
		{"empty stderr", "## A\n```go run id=a\npackage main\n```\n```output stderr\n```\n", []string{"f.md:11: output stderr block is empty"}},
		{"two-line stderr", "## A\n```go run id=a\npackage main\n```\n```output stderr\nx\ny\n```\n", []string{"f.md:11: output stderr holds the first line of standard error only"}},
		{"indented snippet", "## A\n ```go run id=a\n package main\n ```\n   ```output\n", []string{
			"f.md:8: indented go fence: start it at the beginning of the line",
			"f.md:11: code fence is never closed",
			"f.md:11: indented output fence: start it at the beginning of the line",
		}},
		{"nested snippet", "## A\n- item\n\n  ```go run id=a\n  package main\n  ```\n", []string{"f.md:10: go block inside a list or block quote: move it to the top level"}},
		{"quoted output", "## A\n> ```output\n> x\n> ```\n", []string{"f.md:8: output block inside a list or block quote: move it to the top level"}},
		{"exercise not listed", "## A\n```go run id=a exercise=e\npackage main\n```\n", []string{`f.md:8: exercise "e" is not listed in the front matter's exercises`}},
		{"exercise without starter", "---\nid: x\ntitle: X\norder: 1\nexercises: e, f\nsummary: S\n---\n## A\n```go run id=a exercise=e\npackage main\n```\n",
			[]string{`f.md:5: exercise "f" has no starter snippet (a go run fence with exercise=f)`}},
		{"two starters", "---\nid: x\ntitle: X\norder: 1\nexercises: e\nsummary: S\n---\n## A\n```go run id=a exercise=e\npackage main\n```\n```go run id=b exercise=e\npackage main\n```\n",
			[]string{`f.md:12: exercise "e" already has a starter snippet on line 9`}},
		{"bad exercise list", "---\nid: x\ntitle: X\norder: 1\nexercises: e,,e\nsummary: S\n---\n", []string{
			`f.md:5: exercise id "" is not a slug`, `f.md:5: exercise "e" listed twice`, `f.md:5: exercise "e" has no starter snippet (a go run fence with exercise=e)`,
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src := tt.src
			switch {
			case strings.HasPrefix(src, "!"):
				src = src[1:]
			case !strings.HasPrefix(src, "---"):
				src = frontMatter + src
			}
			l, err := tour.Parse("f.md", []byte(src))
			if err == nil {
				t.Fatalf("Parse = %+v, want errors %q", l, tt.want)
			}
			if diff := cmp.Diff(tt.want, strings.Split(err.Error(), "\n")); diff != "" {
				t.Errorf("Parse errors mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

// TestGolden parses each testdata/*.md and compares the result with
// testdata/*.golden; see testdata/README.
func TestGolden(t *testing.T) {
	files, err := filepath.Glob("testdata/*.md")
	if err != nil || len(files) == 0 {
		t.Fatalf("no testdata/*.md files (err %v)", err)
	}
	for _, file := range files {
		name := strings.TrimSuffix(filepath.Base(file), ".md")
		t.Run(name, func(t *testing.T) {
			src, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			got := goldenText(t, filepath.Base(file), src)
			goldenFile := strings.TrimSuffix(file, ".md") + ".golden"
			if *update {
				if err := os.WriteFile(goldenFile, got, 0o666); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(goldenFile)
			if err != nil {
				t.Fatalf("%v (run go test ./tour -run TestGolden -update)", err)
			}
			if diff := cmp.Diff(string(want), string(got)); diff != "" {
				t.Errorf("Parse(%s) mismatch (-golden +got):\n%s\nrun go test ./tour -run TestGolden -update", file, diff)
			}
		})
	}
}

func goldenText(t *testing.T, name string, src []byte) []byte {
	l, err := tour.Parse(name, src)
	if err != nil {
		return []byte("error:\n" + err.Error() + "\n")
	}
	checkLesson(t, l)
	// The embedded Lesson's Source is shadowed by an omitted field: the
	// golden file shows the model, and the .md file is the source.
	var out bytes.Buffer
	enc := json.NewEncoder(&out)
	enc.SetEscapeHTML(false) // keep "<-" readable
	enc.SetIndent("", "\t")
	if err := enc.Encode(struct {
		*tour.Lesson
		Source struct{} `json:"-"`
	}{Lesson: l}); err != nil {
		t.Fatal(err)
	}
	return out.Bytes()
}

// errLine matches one line of a Parse error: "name:line: message".
var errLine = regexp.MustCompile(`^fuzz\.md:([0-9]+): \S`)

// FuzzParseLesson checks that Parse never panics, that every error line
// has the file:line form with a line inside the file, and that whatever
// parses keeps the model's invariants (checkLesson).
func FuzzParseLesson(f *testing.F) {
	for _, file := range seedFiles(f) {
		f.Add(file.src)
	}
	f.Add([]byte(frontMatter))
	f.Add([]byte(frontMatter + "   ## A\n~~~go run id=a\npackage main\n~~~~\n"))
	f.Add([]byte(frontMatter + "## A\n- x\n\n  ```\u00a0\n  y\n  ```\n"))
	f.Add([]byte(frontMatter + "## A\n```go run id=a\npackage main\n```\n```output\n"))
	f.Fuzz(func(t *testing.T, src []byte) {
		l, err := tour.Parse("fuzz.md", src)
		if err != nil {
			lines := bytes.Count(src, []byte("\n")) + 1
			for _, msg := range strings.Split(err.Error(), "\n") {
				m := errLine.FindStringSubmatch(msg)
				if m == nil {
					t.Fatalf("error line %q is not in file:line: message form", msg)
				}
				if n, _ := strconv.Atoi(m[1]); n < 1 || n > lines {
					t.Fatalf("error line %q: line %d outside 1..%d", msg, n, lines)
				}
			}
			return
		}
		checkLesson(t, l)
	})
}
