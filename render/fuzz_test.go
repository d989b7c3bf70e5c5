package render

import (
	"context"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/tools/txtar"

	"github.com/gotour-gpm/gotour-gpm/tour"
)

// FuzzRender renders arbitrary lesson bodies: whatever tour accepts must
// render without a panic, as valid UTF-8, with no raw HTML from the body.
// Seeds: the sample lessons and the start of every real lesson.
func FuzzRender(f *testing.F) {
	if ar, err := txtar.ParseFile("testdata/sample.txtar"); err == nil {
		for _, file := range ar.Files {
			if strings.HasSuffix(file.Name, ".md") {
				_, body, _ := strings.Cut(string(file.Data), "\n---\n")
				f.Add(body)
			}
		}
	}
	for _, tr := range courseTours(f) {
		for _, l := range tr.Lessons {
			body := string(l.Source[l.BodyStart:])
			f.Add(body[:min(len(body), 2000)])
		}
	}
	f.Add("## <b>bold</b> {#x}\n\n<img src=x onerror=alert(1)>\n\n[a](javascript:alert(1))\n")
	r := New(Options{})
	f.Fuzz(func(t *testing.T, body string) {
		src := "---\nid: fuzz\ntitle: Fuzz\norder: 1\nsummary: s\n---\n" + body
		l, err := tour.Parse("en/01-fuzz.md", []byte(src))
		if err != nil {
			return
		}
		l.Lang = "en"
		page, err := r.Lesson(context.Background(), &tour.Tour{Lang: "en", Lessons: []*tour.Lesson{l}}, 0)
		if err != nil {
			t.Fatalf("Lesson: %v", err)
		}
		if !utf8.Valid(page) && utf8.ValidString(body) {
			t.Errorf("page is not valid UTF-8")
		}
		if strings.Contains(string(page), "onerror=") || strings.Contains(string(page), `href="javascript:`) {
			t.Errorf("raw HTML or a script URL reached the page")
		}
	})
}
