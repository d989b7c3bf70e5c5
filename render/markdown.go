package render

import (
	"bytes"
	"fmt"
	"html/template"
	"regexp"
	"strconv"
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"

	"github.com/gotour-gpm/gotour-gpm/tour"
)

// newMarkdown builds the one goldmark the renderer uses: GFM and CJK (the
// zh lessons need its line-break handling), heading attributes for the
// "{#anchor}" suffixes, and the code block renderer, registered below
// goldmark's default priority of 1000 so that it wins. WithUnsafe stays
// off: raw HTML in a lesson is dropped (see the package documentation).
func newMarkdown(tmpl *template.Template) goldmark.Markdown {
	return goldmark.New(
		goldmark.WithExtensions(extension.GFM, extension.CJK),
		goldmark.WithParserOptions(parser.WithHeadingAttribute()),
		goldmark.WithRendererOptions(
			renderer.WithNodeRenderers(util.Prioritized(&codeRenderer{tmpl: tmpl}, 100)),
		),
	)
}

// attrView is the node attribute under which fixup hangs what the code
// renderer draws instead of a plain code block. Attributes of a fenced
// code block are never written out by goldmark's renderer, and this one
// is replaced wholesale by codeRenderer.
var attrView = []byte("gpm-view")

// expectedView is an "output" block whose text the simulated run did not
// reproduce: it is shown, labelled, next to the simulated output.
type expectedView struct {
	Label string
	Text  string
}

// tocEntry is one "##" section in the table of contents.
type tocEntry struct {
	Anchor, Title string
}

// body is a lesson's Markdown body rendered, with what the page template
// needs besides.
type body struct {
	HTML     template.HTML
	TOC      []tocEntry
	Snippets []*snippetView
	// search holds the text of the lesson's parts (the introduction, then
	// each section) for the search index.
	search []searchDoc
}

// mdLink matches a link to another lesson's file: "06-gpm-scheduler.md",
// "../zh/06-gpm-scheduler.md#puzzle" or "gpm-scheduler.md".
var mdLink = regexp.MustCompile(`^(?:\.\./(en|zh)/)?(?:\d\d-)?([a-z0-9-]+)\.md(#[a-z0-9-]+)?$`)

// renderBody parses l's body and renders it. All fix-ups of the tree happen
// in one walk first, as in x/tools/present's fixupMarkdown.
func (r *Renderer) renderBody(p *pageData, l *tour.Lesson) (*body, error) {
	src := l.Source[l.BodyStart:]
	doc := r.md.Parser().Parse(text.NewReader(src))
	b := &body{}
	if err := r.fixup(p, l, src, doc, b); err != nil {
		return nil, err
	}
	var out bytes.Buffer
	if err := r.md.Renderer().Render(&out, src, doc); err != nil {
		return nil, fmt.Errorf("%s: %w", l.File, err)
	}
	b.HTML = template.HTML(out.String())
	return b, nil
}

// fixup walks the tree once: it gives every heading its id (a "##"
// heading the anchor of its tour.Section, a deeper one that anchor and a
// number), attaches to each runnable snippet what codeRenderer draws,
// drops the "output" blocks the simulated run reproduced, points links to
// lesson files at the pages, and collects the text the search index needs.
func (r *Renderer) fixup(p *pageData, l *tour.Lesson, src []byte, doc ast.Node, b *body) error {
	section := -1
	sub := 0
	var drop []ast.Node
	var last *snippetView // the snippet just before the current node, if any
	texts := []*strings.Builder{{}}
	err := ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		if n.Parent() == doc && n.Kind() != ast.KindFencedCodeBlock {
			last = nil
		}
		switch n := n.(type) {
		case *ast.Heading:
			if n.Level == 2 {
				section++
				sub = 0
				if section >= len(l.Sections) {
					return ast.WalkStop, fmt.Errorf("%s: more ## headings than sections", l.File)
				}
				s := l.Sections[section]
				n.SetAttributeString("id", []byte(s.Anchor))
				b.TOC = append(b.TOC, tocEntry{Anchor: s.Anchor, Title: s.Title})
				texts = append(texts, &strings.Builder{})
				return ast.WalkSkipChildren, nil
			}
			sub++
			id := "h-" + strconv.Itoa(sub)
			if section >= 0 {
				id = l.Sections[section].Anchor + "-" + strconv.Itoa(sub)
			}
			n.SetAttributeString("id", []byte(id))
			texts[len(texts)-1].WriteString(plainText(n, src) + "\n")
			return ast.WalkSkipChildren, nil
		case *ast.FencedCodeBlock:
			info := ""
			if n.Info != nil {
				info = string(n.Info.Segment.Value(src))
			}
			switch {
			case strings.HasPrefix(info, "go run"):
				s := l.SnippetAt(l.BodyStart + n.Info.Segment.Start)
				if s == nil {
					return ast.WalkStop, fmt.Errorf("%s: a go run block that tour did not record", l.File)
				}
				v, err := r.snippetView(p, s)
				if err != nil {
					return ast.WalkStop, err
				}
				n.SetAttribute(attrView, v)
				b.Snippets = append(b.Snippets, v)
				last = v
				return ast.WalkSkipChildren, nil
			case info == "output" || strings.HasPrefix(info, "output "):
				if last != nil && last.Matches {
					drop = append(drop, n)
				} else {
					n.SetAttribute(attrView, &expectedView{Label: p.L.Expected, Text: codeText(n, src)})
				}
				return ast.WalkSkipChildren, nil
			}
			last = nil
			return ast.WalkSkipChildren, nil
		case *ast.Link:
			if m := mdLink.FindStringSubmatch(string(n.Destination)); m != nil {
				dest := m[2] + ".html" + m[3]
				if m[1] != "" && m[1] != p.Lang {
					dest = "../" + m[1] + "/" + dest
				}
				n.Destination = []byte(dest)
			}
		case *ast.Text, *ast.CodeSpan:
			texts[len(texts)-1].WriteString(plainText(n, src))
			if t, ok := n.(*ast.Text); ok && (t.SoftLineBreak() || t.HardLineBreak()) {
				texts[len(texts)-1].WriteString(" ")
			}
			return ast.WalkSkipChildren, nil
		case *ast.Paragraph, *ast.ListItem:
			texts[len(texts)-1].WriteString("\n")
		}
		return ast.WalkContinue, nil
	})
	if err != nil {
		return err
	}
	for _, n := range drop {
		n.Parent().RemoveChild(n.Parent(), n)
	}
	b.search = append(b.search, searchDoc{Lang: p.Lang, URL: p.Lang + "/" + l.ID + ".html", Title: l.Title, Text: l.Summary + "\n" + texts[0].String()})
	for i, s := range l.Sections {
		if i+1 >= len(texts) {
			break
		}
		b.search = append(b.search, searchDoc{
			Lang: p.Lang, URL: p.Lang + "/" + l.ID + ".html#" + s.Anchor,
			Title: l.Title + " › " + s.Title, Text: texts[i+1].String(),
		})
	}
	return nil
}

// plainText is the text of n and its descendants, without markup.
func plainText(n ast.Node, src []byte) string {
	var b strings.Builder
	ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch c := c.(type) {
		case *ast.Text:
			b.Write(c.Segment.Value(src))
			if c.SoftLineBreak() {
				b.WriteByte(' ')
			}
		case *ast.String:
			b.Write(c.Value)
		}
		return ast.WalkContinue, nil
	})
	return b.String()
}

// codeText is the content of a code block.
func codeText(n ast.Node, src []byte) string {
	var b strings.Builder
	lines := n.Lines()
	for i := range lines.Len() {
		seg := lines.At(i)
		b.Write(seg.Value(src))
	}
	return b.String()
}

// codeRenderer draws fenced code blocks: a runnable snippet with its run
// (the snippet.tmpl template), an expected output the run did not match,
// or highlighted code.
type codeRenderer struct {
	tmpl *template.Template
}

// RegisterFuncs implements renderer.NodeRenderer.
func (c *codeRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(ast.KindFencedCodeBlock, c.fenced)
}

func (c *codeRenderer) fenced(w util.BufWriter, src []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkContinue, nil
	}
	n := node.(*ast.FencedCodeBlock)
	if v, ok := n.Attribute(attrView); ok {
		name := "snippet.tmpl"
		if _, ok := v.(*expectedView); ok {
			name = "expected.tmpl"
		}
		return ast.WalkSkipChildren, c.tmpl.ExecuteTemplate(w, name, v)
	}
	lang := string(n.Language(src))
	w.WriteString(string(highlightCode(lang, codeText(n, src))))
	return ast.WalkSkipChildren, nil
}
