package checker

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/gotour-gpm/gotour-gpm/internal/i18n"
)

// Source is the learner's program, parsed, for the source cases.
type Source struct {
	Fset *token.FileSet
	File *ast.File
	Src  []byte
	// Starter is the exercise's starter, parsed, for cases that compare
	// with it; nil if it does not parse.
	Starter *Source
}

// parseSource parses a program. Object resolution stays on: the cases
// that follow a variable from its uses to its declaration rely on it
// (within one file it is exact enough, and needs no type checker).
func parseSource(name string, src []byte) (*Source, error) {
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, name, src, 0)
	if err != nil {
		return nil, err
	}
	return &Source{Fset: fset, File: f, Src: src}, nil
}

// Construct is a piece of Go syntax a source case looks for: a go
// statement, a call of time.Sleep, a receive from a channel... By default
// it is looked for everywhere; [Construct.In] and [Construct.Outside]
// narrow that to, or exclude, one function.
type Construct struct {
	// ID names it in check ids: "go-statement", "call-time.Sleep",
	// "recv-squares-in-main".
	ID string
	// Name is how the report names it, such as "a go statement".
	Name  i18n.Text
	match func(s *Source, n ast.Node) bool
	// imp, when set, makes the construct an import of that path.
	imp string
	// in and outside name a function whose body is searched, or skipped.
	in, outside string
	// direct skips function literals: only code that runs in the
	// function's own goroutine counts (with in, the function's).
	direct bool
	// where, if set, narrows a match to the node at fault, for a
	// construct that matches a whole function: the quote then shows that
	// line, not "func main() {".
	where func(s *Source, n ast.Node) ast.Node
}

// In restricts c to the body of the function (or method) named fn,
// including the function literals in it, and to the program's functions
// that fn calls: work done in a helper is fn's work.
func (c Construct) In(fn string) Construct {
	c.in = fn
	c.ID += "-in-" + fn
	c.Name = i18n.Text{En: c.Name.En + " in " + fn, Zh: zhJoin(fn+" 中的", c.Name.Zh)}
	return c
}

// Outside restricts c to every function but fn.
func (c Construct) Outside(fn string) Construct {
	c.outside = fn
	c.ID += "-outside-" + fn
	c.Name = i18n.Text{En: c.Name.En + " outside " + fn, Zh: zhJoin(fn+" 之外的", c.Name.Zh)}
	return c
}

// Direct skips function literals and go statements, so that only code
// run by the function's own goroutine counts, not goroutines or
// callbacks it defines.
func (c Construct) Direct() Construct {
	c.direct = true
	return c
}

// The constructs the exercises use.
var (
	SelectStmt = Construct{
		ID:    "select",
		Name:  i18n.Text{En: "a select statement", Zh: "select 语句"},
		match: func(_ *Source, n ast.Node) bool { _, ok := n.(*ast.SelectStmt); return ok },
	}
	// Channel is any channel type, as in make(chan int) or a parameter.
	Channel = Construct{
		ID:    "channel",
		Name:  i18n.Text{En: "a channel", Zh: "通道"},
		match: func(_ *Source, n ast.Node) bool { _, ok := n.(*ast.ChanType); return ok },
	}
	// SelectDefault is a select statement's default case.
	SelectDefault = Construct{
		ID:   "select-default",
		Name: i18n.Text{En: "a select with a default case", Zh: "带 default 分支的 select"},
		match: func(_ *Source, n ast.Node) bool {
			cc, ok := n.(*ast.CommClause)
			return ok && cc.Comm == nil
		},
	}
)

// Call is a call of the function name of the package with import path
// pkg, such as Call("time", "Sleep").
func Call(pkg, name string) Construct {
	return Construct{
		ID:   "call-" + pkg + "." + name,
		Name: i18n.Text{En: pkgBase(pkg) + "." + name, Zh: pkgBase(pkg) + "." + name},
		match: func(s *Source, n ast.Node) bool {
			call, ok := n.(*ast.CallExpr)
			return ok && s.isRef(call.Fun, pkg, name)
		},
	}
}

// Ref is any use of pkg.name: a type such as sync.Mutex, a function value.
func Ref(pkg, name string) Construct {
	return Construct{
		ID:    pkg + "." + name,
		Name:  i18n.Text{En: pkgBase(pkg) + "." + name, Zh: pkgBase(pkg) + "." + name},
		match: func(s *Source, n ast.Node) bool { return s.isRef(n, pkg, name) },
	}
}

// Method is a call of a method called name, on anything: "Lock", "Wait".
func Method(name string) Construct {
	return Construct{
		ID:   "method-" + name,
		Name: i18n.Text{En: "a call of ." + name + "()", Zh: "对 ." + name + "() 的调用"},
		match: func(_ *Source, n ast.Node) bool {
			call, ok := n.(*ast.CallExpr)
			if !ok {
				return false
			}
			sel, ok := call.Fun.(*ast.SelectorExpr)
			return ok && sel.Sel.Name == name
		},
	}
}

// Builtin is a call of the built-in function name, such as close, on the
// variable arg when arg is not empty.
func Builtin(name, arg string) Construct {
	text := name + "(" + arg + ")"
	id := "call-" + name
	if arg != "" {
		id += "-" + arg
	}
	return Construct{
		ID:   id,
		Name: i18n.Text{En: text, Zh: text},
		match: func(_ *Source, n ast.Node) bool {
			call, ok := n.(*ast.CallExpr)
			if !ok || !isIdent(call.Fun, name) {
				return false
			}
			return arg == "" || len(call.Args) == 1 && isIdent(call.Args[0], arg)
		},
	}
}

// Recv is a receive from the variable ch, <-ch, or from any channel when
// ch is "". A for ... range over a channel receives too, but is not a
// Recv: see RangeOver.
func Recv(ch string) Construct {
	name := i18n.Text{En: "a receive <-" + ch, Zh: "接收操作 <-" + ch}
	if ch == "" {
		name = i18n.Text{En: "a receive from a channel", Zh: "从通道接收"}
	}
	return Construct{
		ID:   strings.TrimSuffix("recv-"+ch, "-"),
		Name: name,
		match: func(_ *Source, n ast.Node) bool {
			u, ok := n.(*ast.UnaryExpr)
			return ok && u.Op == token.ARROW && (ch == "" || isIdent(u.X, ch))
		},
	}
}

// Send is a send on the variable ch, ch <- v, or on any channel when ch
// is "".
func Send(ch string) Construct {
	name := i18n.Text{En: "a send " + ch + " <- ...", Zh: "发送操作 " + ch + " <- ..."}
	if ch == "" {
		name = i18n.Text{En: "a send on a channel", Zh: "向通道发送"}
	}
	return Construct{
		ID:   strings.TrimSuffix("send-"+ch, "-"),
		Name: name,
		match: func(_ *Source, n ast.Node) bool {
			s, ok := n.(*ast.SendStmt)
			return ok && (ch == "" || isIdent(s.Chan, ch))
		},
	}
}

// RangeOver is a for ... range loop over the variable x.
func RangeOver(x string) Construct {
	return Construct{
		ID:   "range-" + x,
		Name: i18n.Text{En: "a for ... range " + x + " loop", Zh: "for ... range " + x + " 循环"},
		match: func(_ *Source, n ast.Node) bool {
			r, ok := n.(*ast.RangeStmt)
			return ok && isIdent(r.X, x)
		},
	}
}

// Import is an import of path.
func Import(path string) Construct {
	q := strconv.Quote(path)
	return Construct{ID: "import-" + path, Name: i18n.Text{En: "import " + q, Zh: "导入 " + q}, imp: path}
}

// MustUse checks that the program has c.
func MustUse(c Construct) Case {
	return Case{
		ID:   "uses-" + c.ID,
		Name: i18n.Text{En: "uses " + c.Name.En, Zh: zhJoin("使用了", c.Name.Zh)},
		msg:  i18n.Text{En: "Your program must use " + c.Name.En + ".", Zh: zhJoin("你的程序必须使用", c.Name.Zh) + "。"},
		source: func(s *Source) *failure {
			if _, ok := s.Find(c); ok {
				return nil
			}
			return &failure{got: tr("none", "没有"), want: c.Name}
		},
	}
}

// MustNotUse checks that the program does not have c.
func MustNotUse(c Construct) Case {
	return Case{
		ID:   "avoids-" + c.ID,
		Name: i18n.Text{En: "does not use " + c.Name.En, Zh: zhJoin("没有使用", c.Name.Zh)},
		msg:  i18n.Text{En: "Your program must not use " + c.Name.En + ".", Zh: zhJoin("你的程序不能使用", c.Name.Zh) + "。"},
		source: func(s *Source) *failure {
			if n, ok := s.Find(c); ok {
				return (&failure{got: s.quote(n), want: tr("none", "没有")}).at(s, n)
			}
			return nil
		},
	}
}

// Find returns the first node of the program that is c.
func (s *Source) Find(c Construct) (ast.Node, bool) {
	if c.imp != "" {
		for _, spec := range s.File.Imports {
			if p, _ := strconv.Unquote(spec.Path.Value); p == c.imp {
				return spec, true
			}
		}
		return nil, false
	}
	var found ast.Node
	visit := func(n ast.Node) bool {
		if found != nil {
			return false
		}
		switch n.(type) {
		case *ast.FuncLit, *ast.GoStmt:
			if c.direct {
				return false
			}
		}
		if c.match(s, n) {
			found = n
			if c.where != nil {
				if w := c.where(s, n); w != nil {
					found = w
				}
			}
			return false
		}
		return true
	}
	var in map[string]bool
	if c.in != "" {
		in = s.reach(c.in, c.direct)
	}
	for _, d := range s.File.Decls {
		fd, ok := d.(*ast.FuncDecl)
		name := ""
		if ok {
			name = fd.Name.Name
			if fd.Recv != nil && name == c.in {
				in[name] = true // a method named fn: reach knows functions only
			}
		}
		if c.in != "" && !in[name] || c.outside != "" && name == c.outside {
			continue
		}
		ast.Inspect(d, visit)
		if found != nil {
			return found, true
		}
	}
	return nil, false
}

// isRef reports whether e is pkg.name, with pkg the import path, under
// whatever name the file imports it.
func (s *Source) isRef(e ast.Node, pkg, name string) bool {
	sel, ok := e.(*ast.SelectorExpr)
	if !ok || sel.Sel.Name != name {
		return false
	}
	x, ok := sel.X.(*ast.Ident)
	return ok && s.importName(pkg) == x.Name
}

// importName is the name under which the file imports path, or "".
func (s *Source) importName(path string) string {
	for _, spec := range s.File.Imports {
		if p, _ := strconv.Unquote(spec.Path.Value); p == path {
			if spec.Name != nil {
				return spec.Name.Name
			}
			return pkgBase(path)
		}
	}
	return ""
}

// quote shows where n is: "line 12: time.Sleep(time.Second)".
func (s *Source) quote(n ast.Node) i18n.Text {
	pos := s.Fset.Position(n.Pos())
	end := s.Fset.Position(n.End())
	code := ""
	if pos.Offset >= 0 && end.Offset <= len(s.Src) && pos.Offset <= end.Offset {
		code = firstLine(string(s.Src[pos.Offset:end.Offset]))
	}
	if len(code) > 60 {
		code = code[:57] + "..."
	}
	return tr(fmt.Sprintf("line %d: %s", pos.Line, code), fmt.Sprintf("第 %d 行：%s", pos.Line, code))
}

// zhJoin joins two pieces of Chinese text, with a space between a Chinese
// character and a Latin one, as the course's Chinese text is written
// ("使用了 go 语句").
func zhJoin(a, b string) string {
	if a == "" || b == "" {
		return a + b
	}
	last, _ := utf8.DecodeLastRuneInString(a)
	first, _ := utf8.DecodeRuneInString(b)
	if (runeWidth(last) == 2) != (runeWidth(first) == 2) && last != ' ' && first != ' ' {
		return a + " " + b
	}
	return a + b
}

func pkgBase(path string) string { return path[strings.LastIndex(path, "/")+1:] }

func isIdent(e ast.Expr, name string) bool {
	id, ok := e.(*ast.Ident)
	return ok && id.Name == name
}

// firstIn returns the first node under root, in source order, for which
// pred reports true (inLoop says whether it is in a for loop), or nil.
func firstIn(root ast.Node, pred func(n ast.Node, inLoop bool) bool) ast.Node {
	var found ast.Node
	inspectWithLoops(root, func(n ast.Node, inLoop bool) {
		if found == nil && pred(n, inLoop) {
			found = n
		}
	})
	return found
}
