package tour

import (
	"strings"

	"github.com/yuin/goldmark/ast"
)

// heading handles a top-level heading: "##" starts a section.
func (p *parseState) heading(n *ast.Heading) {
	start := p.l.BodyStart + n.Pos()
	line := p.lineOf(start)
	title := strings.TrimSpace(plainText(n, p.body))
	anchor, ok := p.headingAnchor(n, line, title)
	switch {
	case n.Level == 1:
		p.errorf(line, "level-1 heading: the lesson title is the front matter's title; sections start with ##")
		return
	case n.Level != 2:
		return
	case p.l.Source[start] != '#':
		p.errorf(line, "underlined heading: start sections with ## so they are easy to see")
		return
	case title == "":
		p.errorf(line, "empty ## heading")
		return
	case !ok:
		return
	}
	for _, s := range p.l.Sections {
		if s.Anchor == anchor {
			p.errorf(line, "section anchor %q already used on line %d", anchor, s.Line)
			return
		}
	}
	if k := len(p.l.Sections); k > 0 {
		p.l.Sections[k-1].End = p.lineStarts[line-1]
	}
	p.l.Sections = append(p.l.Sections, Section{
		Title: title, Anchor: anchor, Line: line,
		Start: p.lineStarts[line-1], End: len(p.l.Source),
	})
}

// headingAnchor returns the anchor of a heading: its {#anchor} suffix, or
// else the slug of its title. It reports false after reporting a problem.
func (p *parseState) headingAnchor(n *ast.Heading, line int, title string) (string, bool) {
	var anchor string
	for _, a := range n.Attributes() {
		v, isBytes := a.Value.([]byte)
		switch {
		case string(a.Name) != "id" || !isBytes:
			p.errorf(line, "only an {#anchor} may follow a heading, not other attributes")
			return "", false
		case n.Level != 2:
			p.errorf(line, "{#anchor} is allowed on ## headings only")
			return "", false
		case !isSlug(string(v)):
			p.errorf(line, "anchor %q is not a slug (lower-case letters, digits, single hyphens)", v)
			return "", false
		}
		anchor = string(v)
	}
	if strings.Contains(title, "{#") {
		p.errorf(line, "malformed {#anchor} suffix in heading %q", title)
		return "", false
	}
	if anchor != "" || n.Level != 2 {
		return anchor, true
	}
	if !hasASCIILetter(title) {
		p.errorf(line, "heading %q has no ASCII letters to make an anchor from: add {#anchor}", title)
		return "", false
	}
	return slugify(title), true
}

// plainText returns the text of an inline tree, without markup.
func plainText(n ast.Node, src []byte) string {
	var b strings.Builder
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		switch c := c.(type) {
		case *ast.Text:
			b.Write(c.Segment.Value(src))
			if c.SoftLineBreak() || c.HardLineBreak() {
				b.WriteByte(' ')
			}
		case *ast.String:
			b.Write(c.Value)
		default:
			b.WriteString(plainText(c, src))
		}
	}
	return b.String()
}

// slugify makes an anchor from a title: ASCII letters lower-cased and
// digits are kept, and every run of anything else becomes one hyphen.
func slugify(title string) string {
	var b strings.Builder
	gap := false
	for i := 0; i < len(title); i++ {
		c := title[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		if !('a' <= c && c <= 'z' || '0' <= c && c <= '9') {
			gap = true
			continue
		}
		if gap && b.Len() > 0 {
			b.WriteByte('-')
		}
		gap = false
		b.WriteByte(c)
	}
	return b.String()
}

func hasASCIILetter(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i] | 0x20; 'a' <= c && c <= 'z' {
			return true
		}
	}
	return false
}
