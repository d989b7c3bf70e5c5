package highlight

import (
	"io/fs"
	"regexp"
	"strings"
	"testing"

	"github.com/alecthomas/chroma/v2"
	"github.com/alecthomas/chroma/v2/lexers"
	"github.com/google/go-cmp/cmp"

	"github.com/gotour-gpm/gotour-gpm/lessons"
)

// goFence finds the Go snippets of a lesson.
var goFence = regexp.MustCompile("(?ms)^```go[^\n]*\n(.*?)^```")

// lessonSnippets returns every Go snippet of the course, both languages.
func lessonSnippets(t *testing.T) []string {
	t.Helper()
	var out []string
	err := fs.WalkDir(lessons.FS(), ".", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".md") {
			return err
		}
		b, err := fs.ReadFile(lessons.FS(), path)
		if err != nil {
			return err
		}
		for _, m := range goFence.FindAllStringSubmatch(string(b), -1) {
			out = append(out, m[1])
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(out) < 100 {
		t.Fatalf("found %d Go snippets in the lessons, want the course's ~200", len(out))
	}
	return out
}

func coalesced(t *testing.T, l chroma.Lexer, src string) []chroma.Token {
	t.Helper()
	it, err := chroma.Coalesce(l).Tokenise(nil, src)
	if err != nil {
		t.Fatal(err)
	}
	return it.Tokens()
}

// TestSameAsChroma checks that every Go snippet of the course gets the
// tokens chroma's regexp Go lexer gives it. chroma's lexer is the flaky
// one (its match timeout), so a difference is confirmed by lexing again.
func TestSameAsChroma(t *testing.T) {
	for i, src := range append(lessonSnippets(t), extraGo...) {
		got := coalesced(t, Go, src)
		var diff string
		for range 3 {
			if diff = cmp.Diff(coalesced(t, lexers.Go, src), got); diff == "" {
				break
			}
		}
		if diff != "" {
			t.Errorf("snippet %d: tokens differ from chroma's Go lexer (-chroma +ours):\n%s\n%s", i, diff, src)
		}
	}
}

// extraGo covers what the lessons may not: every literal form, comments
// at the end without a newline, operators chroma splits.
var extraGo = []string{
	"package p\n\nvar x = 0x1F + 0b101 + 017 + 1_000 + 1.5e3 + .5 + 2i + 'a' + '\\n'\n",
	"package p\n\nfunc f(a, b int) (int, error) { a ^= b; a |= b; a &^= b; a <<= 1; return a &^ b, nil }\n",
	"package p\n\nvar s = `raw\nstring` + \"esc\\\"aped\"\n/* block\ncomment */ // line comment",
	"package p\n\nfunc g() { ch := make(chan int, len (x)); x := []string{}; _ = string(x[0]); var e error; go g(); defer close(ch) }\n",
	"x := int64(3) // no package clause\n",
}

// TestRegistered checks that chroma's registry, which glamour reads,
// gives this package's lexers.
func TestRegistered(t *testing.T) {
	for name, want := range map[string]chroma.Lexer{"go": Go, "Go": Go, "golang": Go, "text": Plain, "plaintext": Plain} {
		if got := lexers.Get(name); got != want {
			t.Errorf("lexers.Get(%q) = %v, want this package's lexer", name, got.Config().Name)
		}
	}
	for lang, want := range map[string]chroma.Lexer{"go": Go, "output": Plain, "": Plain, "python": nil} {
		if got := Lexer(lang); got != want {
			t.Errorf("Lexer(%q) is not the expected lexer", lang)
		}
	}
}

func TestPlain(t *testing.T) {
	got := coalesced(t, Plain, "counter: 3\nfunc main() {}\n")
	want := []chroma.Token{{Type: chroma.Text, Value: "counter: 3\nfunc main() {}\n"}}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Error(diff)
	}
}

// FuzzGo checks that lexing loses and adds nothing: the tokens spell the
// input (plus the newline chroma's Go lexer ensures), whatever it is.
func FuzzGo(f *testing.F) {
	for _, s := range extraGo {
		f.Add(s)
	}
	f.Add("`unterminated")
	f.Add("/* unterminated")
	f.Add("\x00\xff'\"")
	f.Fuzz(func(t *testing.T, src string) {
		it, err := Go.Tokenise(nil, src)
		if err != nil {
			t.Fatal(err)
		}
		var b strings.Builder
		for _, tok := range it.Tokens() {
			if tok.Value == "" {
				t.Fatalf("empty token %v", tok)
			}
			b.WriteString(tok.Value)
		}
		want := src
		if !strings.HasSuffix(want, "\n") {
			want += "\n"
		}
		if b.String() != want {
			t.Fatalf("tokens spell %q, want %q", b.String(), want)
		}
	})
}
