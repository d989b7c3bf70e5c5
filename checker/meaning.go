package checker

import (
	"go/ast"
	"go/token"

	"github.com/gotour-gpm/gotour-gpm/internal/i18n"
)

// The constructs here go by what code does rather than how it is spelt:
// WaitGroup.Go starts a goroutine as a go statement does, every wait on
// the clock is a sleep, and a function's work includes what the
// functions it calls do.

// GoStmt is a go statement, or a call of a sync.WaitGroup's Go method,
// which starts its function in a goroutine just the same.
var GoStmt = Construct{
	ID:   "go-statement",
	Name: i18n.Text{En: "a go statement", Zh: "go 语句"},
	match: func(s *Source, n ast.Node) bool {
		switch n := n.(type) {
		case *ast.GoStmt:
			return true
		case *ast.CallExpr:
			sel, ok := n.Fun.(*ast.SelectorExpr)
			return ok && sel.Sel.Name == "Go" && len(n.Args) == 1 && s.isWaitGroup(sel.X)
		}
		return false
	},
}

// ClockWait is any way of waiting on the clock: time.Sleep, a receive
// from time.After or time.Tick, a Timer or a Ticker, a context with a
// deadline. Where a task bans sleeping, it bans them all.
var ClockWait = Construct{
	ID:   "clock-wait",
	Name: i18n.Text{En: "a wait on the clock (time.Sleep, time.After, a Timer, a Ticker, a context deadline)", Zh: "按时钟等待（time.Sleep、time.After、Timer、Ticker、带截止时间的 context）"},
	match: func(s *Source, n ast.Node) bool {
		call, ok := n.(*ast.CallExpr)
		if !ok {
			return false
		}
		for _, name := range []string{"Sleep", "After", "Tick", "NewTimer", "NewTicker", "AfterFunc"} {
			if s.isRef(call.Fun, "time", name) {
				return true
			}
		}
		for _, name := range []string{"WithTimeout", "WithDeadline", "WithTimeoutCause", "WithDeadlineCause"} {
			if s.isRef(call.Fun, "context", name) {
				return true
			}
		}
		return false
	},
}

// isWaitGroup reports whether e is a variable, or a parameter, declared
// as a sync.WaitGroup or a pointer to one, or made with new or &
// sync.WaitGroup{}.
func (s *Source) isWaitGroup(e ast.Expr) bool {
	id, ok := ast.Unparen(e).(*ast.Ident)
	if !ok || id.Obj == nil {
		return false
	}
	var typ ast.Expr
	switch d := id.Obj.Decl.(type) {
	case *ast.ValueSpec:
		typ = d.Type
		if typ == nil {
			for i, n := range d.Names {
				if n.Name == id.Name && i < len(d.Values) {
					typ = madeType(d.Values[i])
				}
			}
		}
	case *ast.Field:
		typ = d.Type
	case *ast.AssignStmt:
		for i, l := range d.Lhs {
			if isIdent(l, id.Name) && i < len(d.Rhs) {
				typ = madeType(d.Rhs[i])
			}
		}
	}
	if star, ok := typ.(*ast.StarExpr); ok {
		typ = star.X
	}
	return typ != nil && s.isRef(typ, "sync", "WaitGroup")
}

// madeType is the type T of new(T), &T{} or T{}, else nil.
func madeType(e ast.Expr) ast.Expr {
	switch e := ast.Unparen(e).(type) {
	case *ast.CallExpr:
		if isIdent(e.Fun, "new") && len(e.Args) == 1 {
			return e.Args[0]
		}
	case *ast.UnaryExpr:
		if e.Op == token.AND {
			return madeType(e.X)
		}
	case *ast.CompositeLit:
		return e.Type
	}
	return nil
}

// funcDecls maps the names of the program's functions (not methods) to
// their declarations.
func (s *Source) funcDecls() map[string]*ast.FuncDecl {
	m := map[string]*ast.FuncDecl{}
	for _, d := range s.File.Decls {
		if fd, ok := d.(*ast.FuncDecl); ok && fd.Recv == nil && fd.Body != nil {
			m[fd.Name.Name] = fd
		}
	}
	return m
}

// reach returns fn and the program's functions that fn calls, directly
// or through others: the call graph of the learner's own functions, by
// name. With direct, only calls made by the goroutine that runs fn count:
// function literals and go statements are not followed.
func (s *Source) reach(fn string, direct bool) map[string]bool {
	decls := s.funcDecls()
	seen := map[string]bool{}
	var visit func(name string)
	visit = func(name string) {
		fd := decls[name]
		if fd == nil || seen[name] {
			return
		}
		seen[name] = true
		ast.Inspect(fd.Body, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.FuncLit, *ast.GoStmt:
				return !direct
			case *ast.CallExpr:
				if id, ok := n.Fun.(*ast.Ident); ok && decls[id.Name] != nil {
					visit(id.Name)
				}
				// A function passed as an argument (once.Do(load),
				// wg.Go(work)) runs too, when it is not direct.
				for _, a := range n.Args {
					if id, ok := a.(*ast.Ident); ok && decls[id.Name] != nil && !direct {
						visit(id.Name)
					}
				}
			}
			return true
		})
	}
	visit(fn)
	return seen
}
