package render

import (
	"context"
	"html"
	"path"
	"regexp"
	"strings"
	"testing"
)

var (
	idAttr   = regexp.MustCompile(`\sid="([^"]*)"`)
	linkAttr = regexp.MustCompile(`\s(?:href|src)="([^"]*)"`)
	urlRef   = regexp.MustCompile(`url\(#([^)]*)\)`)
	// An anchor tag whose class says it is the language switch.
	langSwitch = regexp.MustCompile(`<a class="lang-switch" href="([^"]*)"`)
)

// TestLinks renders the real course (with canned runs) and checks that
// every internal link and anchor resolves, in both languages: links to
// pages and assets name files of the site, fragments name ids of their
// target page, url(#id) references in the pictures name ids of their own
// page, ids are unique per page, and the language switch leads to the
// same lesson.
func TestLinks(t *testing.T) {
	site, err := New(Options{Run: cannedRun(t), Parallel: 4}).Site(context.Background(), courseTours(t)...)
	if err != nil {
		t.Fatal(err)
	}
	ids := map[string]map[string]bool{}
	for _, name := range site.Names() {
		if !strings.HasSuffix(name, ".html") {
			continue
		}
		ids[name] = map[string]bool{}
		for _, m := range idAttr.FindAllStringSubmatch(string(site.Files[name]), -1) {
			id := html.UnescapeString(m[1])
			if ids[name][id] {
				t.Errorf("%s: id %q used twice", name, id)
			}
			ids[name][id] = true
		}
	}
	checked := 0
	for _, name := range site.Names() {
		if !strings.HasSuffix(name, ".html") {
			continue
		}
		page := string(site.Files[name])
		for _, m := range linkAttr.FindAllStringSubmatch(page, -1) {
			ref := html.UnescapeString(m[1])
			if strings.Contains(ref, "://") || strings.HasPrefix(ref, "//") || strings.HasPrefix(ref, "mailto:") {
				t.Errorf("%s: external link %q: the site must work offline", name, ref)
				continue
			}
			file, frag, _ := strings.Cut(ref, "#")
			target := name
			if file != "" {
				target = path.Join(path.Dir(name), file)
			}
			if _, ok := site.Files[target]; !ok {
				t.Errorf("%s: link %q: no file %s", name, ref, target)
				continue
			}
			if frag != "" && !ids[target][frag] {
				t.Errorf("%s: link %q: %s has no id %q", name, ref, target, frag)
			}
			checked++
		}
		for _, m := range urlRef.FindAllStringSubmatch(page, -1) {
			if !ids[name][m[1]] {
				t.Errorf("%s: url(#%s) names no element", name, m[1])
			}
		}
		for _, m := range langSwitch.FindAllStringSubmatch(page, -1) {
			if path.Base(m[1]) != path.Base(name) || path.Dir(path.Join(path.Dir(name), m[1])) == path.Dir(name) {
				t.Errorf("%s: the language switch leads to %s, not the same page in the other language", name, m[1])
			}
		}
	}
	if checked < 500 {
		t.Errorf("checked only %d links: is the pattern right?", checked)
	}
	// Every section of every lesson can be linked to, in both languages,
	// under the same anchor.
	for _, tr := range courseTours(t) {
		for _, l := range tr.Lessons {
			page := tr.Lang + "/" + l.ID + ".html"
			for _, s := range l.Sections {
				if !ids[page][s.Anchor] {
					t.Errorf("%s: no anchor %q for section %q", page, s.Anchor, s.Title)
				}
			}
		}
	}
}
