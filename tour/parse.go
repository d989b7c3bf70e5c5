package tour

import (
	"bytes"
	"cmp"
	"errors"
	"fmt"
	"go/parser"
	"go/token"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	goldparser "github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

// newMarkdown returns the goldmark parser for lesson bodies: CommonMark
// plus "{#anchor}" heading attributes. Renderers must enable
// parser.WithHeadingAttribute too, or the suffix shows up as text. Each
// Parse builds its own, because goldmark does not document its parsers as
// safe for concurrent use, and Load may be called from parallel tests.
func newMarkdown() goldparser.Parser {
	return goldmark.New(goldmark.WithParserOptions(goldparser.WithHeadingAttribute())).Parser()
}

// A lineError is a problem at a line of the file; Parse adds the file name.
type lineError struct {
	line int
	msg  string
}

// Parse parses one lesson file. The name is used in messages only, and is
// stored as Lesson.File. Every problem found is reported, joined with
// [errors.Join], each as "name:line: message", in line order.
func Parse(name string, src []byte) (*Lesson, error) {
	p := &parseState{l: &Lesson{File: name, Source: src}, lineStarts: lineStarts(src)}
	p.parse()
	if len(p.errs) > 0 {
		slices.SortStableFunc(p.errs, func(a, b lineError) int { return cmp.Compare(a.line, b.line) })
		errs := make([]error, len(p.errs))
		for i, e := range p.errs {
			errs[i] = errors.New(position(name, e.line) + e.msg)
		}
		return nil, errors.Join(errs...)
	}
	return p.l, nil
}

// parseState is the state of one Parse call.
type parseState struct {
	l          *Lesson
	lineStarts []int // offset of the first byte of each line
	errs       []lineError
	body       []byte // l.Source[l.BodyStart:], what goldmark sees

	// out is the snippet that "output" blocks may still attach to, and
	// outStage how far it got: 0 none yet, 1 after stdout, 2 after stderr.
	// outSkip is set after a snippet that had errors: its output blocks
	// are ignored rather than reported as following no snippet.
	out      *Snippet
	outStage int
	outSkip  bool
}

func (p *parseState) errorf(line int, format string, args ...any) {
	p.errs = append(p.errs, lineError{line, fmt.Sprintf(format, args...)})
}

func (p *parseState) parse() {
	src := p.l.Source
	if i := bytes.IndexByte(src, '\r'); i >= 0 {
		p.errorf(p.lineOf(i), "carriage return: lesson files use LF line endings")
		return
	}
	if !utf8.Valid(src) {
		p.errorf(p.lineOf(invalidUTF8(src)), "invalid UTF-8")
		return
	}
	fm, errs := parseFrontMatter(src)
	p.errs = append(p.errs, errs...)
	if fm.end == 0 {
		return
	}
	p.errs = append(p.errs, fm.apply(p.l)...)
	p.l.BodyStart = fm.end
	p.body = src[fm.end:]
	doc := newMarkdown().Parse(text.NewReader(p.body))
	for n := doc.FirstChild(); n != nil; n = n.NextSibling() {
		p.block(n)
	}
	p.checkNested(doc)
	p.checkExercises(fm.lines["exercises"])
}

// block handles one top-level block of the body.
func (p *parseState) block(n ast.Node) {
	switch n := n.(type) {
	case *ast.Heading:
		p.out, p.outSkip = nil, false
		p.heading(n)
	case *ast.FencedCodeBlock:
		p.fence(n)
	default:
		p.out, p.outSkip = nil, false
	}
}

// fence handles a top-level fenced code block.
func (p *parseState) fence(n *ast.FencedCodeBlock) {
	start := p.l.BodyStart + n.Pos()
	line := p.lineOf(start)
	end, closed := p.fenceEnd(n, start)
	if !closed {
		p.errorf(line, "code fence is never closed")
	}
	info := ""
	if n.Info != nil {
		info = string(n.Info.Segment.Value(p.body))
	}
	words := strings.Fields(info)
	special := len(words) > 0 && words[0] == "output" || len(words) > 1 && words[0] == "go"
	if special && start != p.lineStarts[line-1] {
		// goldmark strips the fence's indentation from the code, so Code
		// would no longer be a slice of Source; and indentation is usually
		// a fence pasted under a list item by accident.
		p.errorf(line, "indented %s fence: start it at the beginning of the line", words[0])
		p.out, p.outSkip = nil, true
		return
	}
	switch {
	case len(words) > 0 && words[0] == "output":
		p.output(n, line, words)
	case len(words) > 1 && words[0] == "go":
		p.out, p.outSkip = nil, true // until snippet succeeds
		p.snippet(n, line, info, start, end)
	default:
		p.out, p.outSkip = nil, false
	}
}

// snippet handles a "go ..." fence with settings: a runnable snippet.
func (p *parseState) snippet(n *ast.FencedCodeBlock, line int, info string, start, end int) {
	if words := strings.Fields(info); words[1] != "run" {
		p.errorf(line, `fence info %q: runnable snippets start with "go run"; plain code is just "go"`, info)
		return
	}
	in, err := ParseInfo(info)
	for _, e := range flatten(err) {
		p.errorf(line, "%v", e)
	}
	if err != nil {
		return
	}
	if len(p.l.Sections) == 0 {
		p.errorf(line, "runnable snippet %q comes before the first ## section", in.ID)
		return
	}
	if s := p.l.Snippet(in.ID); s != nil {
		p.errorf(line, "snippet id %q already used on line %d", in.ID, s.Line)
		return
	}
	code := p.content(n)
	if !isMainPackage(code) {
		p.errorf(line, "snippet %q is not a whole program starting with \"package main\"", in.ID)
	}
	s := &Snippet{
		ID: in.ID, Info: in, Code: code,
		Section: len(p.l.Sections) - 1, Line: line, Start: start, End: end,
	}
	p.l.Snippets = append(p.l.Snippets, s)
	p.out, p.outStage, p.outSkip = s, 0, false
}

// output handles an "output" fence, which must directly follow a runnable
// snippet or that snippet's stdout block.
func (p *parseState) output(n *ast.FencedCodeBlock, line int, words []string) {
	s := p.out
	info := strings.Join(words, " ")
	stderr := info == "output stderr"
	switch {
	case info != "output" && info != "output unordered" && !stderr:
		p.errorf(line, "unknown output block %q (want output, output unordered or output stderr)", info)
		return
	case s == nil && p.outSkip:
		return
	case s == nil:
		p.errorf(line, "output block does not directly follow a go run snippet")
		return
	case !s.Info.Runs():
		p.errorf(line, "output block after snippet %q, which does not run", s.ID)
		return
	case p.outStage == 2:
		p.errorf(line, "snippet %q already has an output stderr block, which comes last", s.ID)
		return
	case !stderr && p.outStage == 1:
		p.errorf(line, "snippet %q already has an output block", s.ID)
		return
	}
	if s.Output == nil {
		s.Output = &Expected{}
	}
	content := p.content(n)
	if !stderr {
		s.Output.Stdout = content
		s.Output.Unordered = info == "output unordered"
		s.Output.StdoutLine = line
		p.outStage = 1
		return
	}
	first := strings.TrimSuffix(content, "\n")
	switch {
	case first == "":
		p.errorf(line, "output stderr block is empty")
	case strings.Contains(first, "\n"):
		p.errorf(line, "output stderr holds the first line of standard error only")
	}
	s.Output.Stderr = strings.TrimRight(first, " \t")
	s.Output.StderrLine = line
	p.outStage = 2
}

// content returns the text inside a fenced block.
func (p *parseState) content(n *ast.FencedCodeBlock) string {
	var b strings.Builder
	for i := 0; i < n.Lines().Len(); i++ {
		seg := n.Lines().At(i)
		b.WriteString(strings.Repeat(" ", seg.Padding))
		b.Write(seg.Value(p.body))
	}
	return b.String()
}

// fenceEnd finds the closing fence of n, which opens at offset start of
// Source, and returns the offset just past its line. goldmark closes an
// unclosed fence silently at the end of the document; we report it, as it
// would swallow the rest of the lesson.
func (p *parseState) fenceEnd(n *ast.FencedCodeBlock, start int) (int, bool) {
	src := p.l.Source
	char := src[start]
	width := 0
	for start+width < len(src) && src[start+width] == char {
		width++
	}
	last := p.lineOf(start)
	if k := n.Lines().Len(); k > 0 {
		last = p.lineOf(p.l.BodyStart + n.Lines().At(k-1).Start)
	}
	if last >= len(p.lineStarts) {
		return len(src), false
	}
	closing := src[p.lineStarts[last]:p.lineEnd(last+1)]
	fence := strings.TrimSpace(string(closing))
	if len(fence) < width || strings.Trim(fence, string(char)) != "" {
		return len(src), false
	}
	return p.lineEnd(last + 1), true
}

// checkNested reports runnable snippets and output blocks inside lists or
// block quotes: they would be indented in the source, and the snippet,
// output and section bookkeeping works on top-level blocks.
func (p *parseState) checkNested(doc ast.Node) {
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		f, ok := n.(*ast.FencedCodeBlock)
		if !entering || !ok || f.Parent() == doc || f.Info == nil {
			return ast.WalkContinue, nil
		}
		words := strings.Fields(string(f.Info.Segment.Value(p.body)))
		if len(words) > 0 && (words[0] == "output" || words[0] == "go" && len(words) > 1) {
			p.errorf(p.lineOf(p.l.BodyStart+f.Pos()), "%s block inside a list or block quote: move it to the top level", words[0])
		}
		return ast.WalkContinue, nil
	})
}

// checkExercises matches the front matter's exercises with the snippets'
// exercise= settings: each listed exercise has exactly one starter snippet.
func (p *parseState) checkExercises(fmLine int) {
	starter := map[string]*Snippet{}
	for _, s := range p.l.Snippets {
		ex := s.Info.Exercise
		switch {
		case ex == "":
		case !slices.Contains(p.l.Exercises, ex):
			p.errorf(s.Line, "exercise %q is not listed in the front matter's exercises", ex)
		case starter[ex] != nil:
			p.errorf(s.Line, "exercise %q already has a starter snippet on line %d", ex, starter[ex].Line)
		default:
			starter[ex] = s
		}
	}
	for _, ex := range p.l.Exercises {
		if starter[ex] == nil {
			p.errorf(fmLine, "exercise %q has no starter snippet (a go run fence with exercise=%s)", ex, ex)
		}
	}
}

// lineOf returns the 1-based line of byte offset off of Source.
func (p *parseState) lineOf(off int) int {
	i, found := slices.BinarySearch(p.lineStarts, off)
	if found {
		return i + 1
	}
	return i
}

// lineEnd returns the offset just past line (1-based), newline included.
func (p *parseState) lineEnd(line int) int {
	if line < len(p.lineStarts) {
		return p.lineStarts[line]
	}
	return len(p.l.Source)
}

func lineStarts(src []byte) []int {
	starts := []int{0}
	for i, c := range src {
		if c == '\n' && i+1 < len(src) {
			starts = append(starts, i+1)
		}
	}
	return starts
}

func invalidUTF8(src []byte) int {
	for i := 0; i < len(src); {
		r, size := utf8.DecodeRune(src[i:])
		if r == utf8.RuneError && size == 1 {
			return i
		}
		i += size
	}
	return 0
}

// isMainPackage reports whether code starts with a "package main" clause.
// Only the clause is parsed, so deliberately broken (nobuild) programs pass.
func isMainPackage(code string) bool {
	f, err := parser.ParseFile(token.NewFileSet(), "", code, parser.PackageClauseOnly)
	return err == nil && f.Name.Name == "main"
}

// flatten returns the errors joined in err, or nil.
func flatten(err error) []error {
	if err == nil {
		return nil
	}
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		return j.Unwrap()
	}
	return []error{err}
}
