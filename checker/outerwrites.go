package checker

import (
	"fmt"
	"go/ast"
	"go/token"

	"github.com/gotour-gpm/gotour-gpm/internal/i18n"
)

// NoOuterWrites checks, from the source, that goroutines send their
// results rather than write them into variables they share with main,
// even where a channel's signal orders the writes: a rule of style for an
// exercise about carrying data over channels, not a race check (that is
// [NoDataRace]).
//
// Inside a function literal started with go (or with a WaitGroup's Go
// method), an assignment, an op= or a
// ++/-- whose target is a variable declared outside the literal is a
// shared write, unless
//   - the target is an element of a slice or array indexed by a variable
//     (results[part] = ...: each goroutine its own element; a map's
//     elements are not independent, so this does not hold for maps),
//   - the literal calls a Lock method (a mutex guards the writes), or
//   - the target is the blank identifier.
//
// Sending on a channel and calling sync/atomic are not assignments, so
// they pass.
func NoOuterWrites() Case {
	return Case{
		ID:   "no-outer-writes",
		Name: i18n.Text{En: "the goroutines send their results instead of writing shared variables", Zh: "goroutine 把结果发送出来，而不是写共享变量"},
		source: func(s *Source) *failure {
			v, n := sharedWrite(s.File)
			if n == nil {
				return nil
			}
			return &failure{
				got:  s.quote(n),
				want: tr("no unsynchronized write to a shared variable", "没有对共享变量的无同步写入"),
				msg: i18n.Text{
					En: fmt.Sprintf("Several goroutines write %s at the same time: that is a data race, and on a real machine updates get lost. Give each goroutine its own slot, send the results on a channel, or guard %s with a sync.Mutex.", v, v),
					Zh: fmt.Sprintf("多个 goroutine 同时写 %s，这是数据竞争：在真实的机器上，更新会丢失。给每个 goroutine 一个自己的位置，或者通过通道发送结果，或者用 sync.Mutex 保护 %s。", v, v),
				},
			}
		},
	}
}

// sharedWrite finds the first shared write of the file: the variable's name
// and the statement.
func sharedWrite(f *ast.File) (string, ast.Node) {
	var name string
	var at ast.Node
	ast.Inspect(f, func(n ast.Node) bool {
		if at != nil {
			return false
		}
		lit := goroutineLit(n)
		if lit == nil || callsLock(lit) {
			return true
		}
		local := declaredIn(lit)
		ast.Inspect(lit.Body, func(n ast.Node) bool {
			if at != nil {
				return false
			}
			var targets []ast.Expr
			switch st := n.(type) {
			case *ast.AssignStmt:
				if st.Tok != token.DEFINE {
					targets = st.Lhs
				}
			case *ast.IncDecStmt:
				targets = []ast.Expr{st.X}
			}
			for _, t := range targets {
				if v := sharedTarget(t, local); v != "" {
					name, at = v, n
					return false
				}
			}
			return true
		})
		return true
	})
	return name, at
}

// goroutineLit returns the function literal that n starts as a
// goroutine: go func() {...}() or wg.Go(func() {...}).
func goroutineLit(n ast.Node) *ast.FuncLit {
	switch n := n.(type) {
	case *ast.GoStmt:
		lit, _ := n.Call.Fun.(*ast.FuncLit)
		return lit
	case *ast.CallExpr:
		if sel, ok := n.Fun.(*ast.SelectorExpr); ok && sel.Sel.Name == "Go" && len(n.Args) == 1 {
			lit, _ := n.Args[0].(*ast.FuncLit)
			return lit
		}
	}
	return nil
}

// sharedTarget returns the name of the shared variable that writing t
// writes, or "" if t is the goroutine's own.
func sharedTarget(t ast.Expr, local map[string]bool) string {
	for {
		switch x := t.(type) {
		case *ast.ParenExpr:
			t = x.X
		case *ast.StarExpr:
			t = x.X
		case *ast.SelectorExpr:
			t = x.X
		case *ast.IndexExpr:
			id, _ := x.X.(*ast.Ident)
			isMap := id != nil && id.Obj != nil && isMapDecl(id.Obj)
			if _, lit := x.Index.(*ast.BasicLit); !lit && !isMap {
				return "" // one element per goroutine
			}
			t = x.X
		case *ast.Ident:
			if x.Name == "_" || local[x.Name] {
				return ""
			}
			return x.Name
		default:
			return ""
		}
	}
}

// callsLock reports whether the literal calls a method named Lock.
func callsLock(lit *ast.FuncLit) bool {
	found := false
	ast.Inspect(lit.Body, func(n ast.Node) bool {
		if call, ok := n.(*ast.CallExpr); ok {
			if sel, ok := call.Fun.(*ast.SelectorExpr); ok && sel.Sel.Name == "Lock" {
				found = true
			}
		}
		return !found
	})
	return found
}

// declaredIn collects the names the literal declares: parameters,
// results, := and var declarations, range variables. Names are not
// scoped: a name declared anywhere in the literal counts as local.
func declaredIn(lit *ast.FuncLit) map[string]bool {
	local := map[string]bool{}
	addFields := func(fl *ast.FieldList) {
		if fl == nil {
			return
		}
		for _, f := range fl.List {
			for _, n := range f.Names {
				local[n.Name] = true
			}
		}
	}
	ast.Inspect(lit, func(n ast.Node) bool {
		switch x := n.(type) {
		case *ast.FuncType:
			addFields(x.Params)
			addFields(x.Results)
		case *ast.AssignStmt:
			if x.Tok == token.DEFINE {
				for _, l := range x.Lhs {
					if id, ok := l.(*ast.Ident); ok {
						local[id.Name] = true
					}
				}
			}
		case *ast.RangeStmt:
			if x.Tok == token.DEFINE {
				for _, e := range []ast.Expr{x.Key, x.Value} {
					if id, ok := e.(*ast.Ident); ok {
						local[id.Name] = true
					}
				}
			}
		case *ast.ValueSpec:
			for _, n := range x.Names {
				local[n.Name] = true
			}
		}
		return true
	})
	return local
}
