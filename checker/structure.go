package checker

import (
	"bytes"
	"go/ast"
	"go/printer"
	"go/token"

	"github.com/gotour-gpm/gotour-gpm/internal/i18n"
)

// Has reports whether the program has c; false for a program that did not
// parse.
func (s *Source) Has(c Construct) bool {
	if s == nil {
		return false
	}
	_, ok := s.Find(c)
	return ok
}

// KeepFunc checks that the function name is as in the starter: same
// parameters, results and body, comments and layout aside. Exercises use
// it for the function that stands for the work ("fetch", "handle"), so
// that the work is not made shorter instead of concurrent.
func KeepFunc(name string) Case {
	return sourceCase("keeps-func-"+name,
		i18n.Text{En: "keeps func " + name + " as it is", Zh: "保持 func " + name + " 不变"},
		i18n.Text{
			En: "Keep func " + name + " as the starter has it: it stands for the work, which must stay the same. Change how it is called, not what it does.",
			Zh: "func " + name + " 要保持起始代码里的样子：它代表要做的工作，工作量不能变。要改的是怎么调用它，而不是它做什么。",
		},
		func(s *Source) *failure {
			want := s.Starter.funcText(name)
			got := s.funcText(name)
			if got == want {
				return nil
			}
			if got == "" {
				return &failure{got: tr("no func "+name, "没有 func "+name), want: text(want)}
			}
			return &failure{got: text(got), want: text(want)}
		})
}

// funcText prints the declaration of the function name without comments,
// or returns "" if there is none.
func (s *Source) funcText(name string) string {
	if s == nil {
		return ""
	}
	for _, d := range s.File.Decls {
		if fd, ok := d.(*ast.FuncDecl); ok && fd.Name.Name == name && fd.Recv == nil {
			var b bytes.Buffer
			bare := *fd
			bare.Doc = nil
			printer.Fprint(&b, token.NewFileSet(), &bare)
			return b.String()
		}
	}
	return ""
}

// OneOwner checks that every map the program makes is used (indexed,
// ranged over, passed to len or delete) by one function only: one
// goroutine owns it, and the others talk to that goroutine. A map that
// main receives back over a channel once the owner is done is a new
// variable of main's, and so passes.
func OneOwner() Case {
	return sourceCase("one-owner",
		i18n.Text{En: "each map is used by one goroutine only", Zh: "每个 map 只由一个 goroutine 使用"},
		i18n.Text{
			En: "More than one function reads or writes the same map, so several goroutines share it. Let one goroutine own the map, and send it what to record over a channel.",
			Zh: "有不止一个函数读写同一个 map，于是多个 goroutine 共享了它。让一个 goroutine 独占这个 map，其他 goroutine 通过通道把要记录的内容发给它。",
		},
		func(s *Source) *failure {
			owner := map[*ast.Object]ast.Node{}
			var bad ast.Node
			var badName string
			walkFuncs(s.File, func(fn ast.Node, n ast.Node) {
				if bad != nil {
					return
				}
				id := mapUse(n)
				if id == nil || id.Obj == nil || !isMapDecl(id.Obj) {
					return
				}
				if o, ok := owner[id.Obj]; !ok {
					owner[id.Obj] = fn
				} else if o != fn {
					bad, badName = n, id.Name
				}
			})
			if bad == nil {
				return nil
			}
			q := s.quote(bad)
			return (&failure{
				got:  tr(q.En+" ("+badName+" is used in more than one function)", q.Zh+"（"+badName+" 在不止一个函数里使用）"),
				want: tr("one owner per map", "每个 map 只有一个所有者"),
			}).at(s, bad)
		})
}

// walkFuncs calls visit for every node of the file with the innermost
// function (declaration or literal) that contains it.
func walkFuncs(f *ast.File, visit func(fn, n ast.Node)) {
	var stack []ast.Node // every node from the file down to the current one
	ast.Inspect(f, func(n ast.Node) bool {
		if n == nil {
			stack = stack[:len(stack)-1]
			return true
		}
		var fn ast.Node
		for i := len(stack) - 1; i >= 0 && fn == nil; i-- {
			switch stack[i].(type) {
			case *ast.FuncDecl, *ast.FuncLit:
				fn = stack[i]
			}
		}
		stack = append(stack, n)
		visit(fn, n)
		return true
	})
}

// mapUse returns the variable n uses as a map, if n is an index
// expression, a range statement, or a call of len or delete; the caller
// checks that the variable is a map.
func mapUse(n ast.Node) *ast.Ident {
	var x ast.Expr
	switch n := n.(type) {
	case *ast.IndexExpr:
		x = n.X
	case *ast.RangeStmt:
		x = n.X
	case *ast.CallExpr:
		if fn, ok := n.Fun.(*ast.Ident); ok && (fn.Name == "len" || fn.Name == "delete") && len(n.Args) > 0 {
			x = n.Args[0]
		}
	}
	id, _ := x.(*ast.Ident)
	return id
}

// isMapDecl reports whether the object is a variable declared with a map
// type or initialized with a map literal or make(map...).
func isMapDecl(obj *ast.Object) bool {
	isMap := func(e ast.Expr) bool {
		switch e := e.(type) {
		case *ast.MapType:
			return true
		case *ast.CompositeLit:
			_, ok := e.Type.(*ast.MapType)
			return ok
		case *ast.CallExpr:
			if fn, ok := e.Fun.(*ast.Ident); ok && fn.Name == "make" && len(e.Args) > 0 {
				_, ok := e.Args[0].(*ast.MapType)
				return ok
			}
		}
		return false
	}
	switch d := obj.Decl.(type) {
	case *ast.ValueSpec:
		if d.Type != nil {
			return isMap(d.Type)
		}
		for i, n := range d.Names {
			if n.Name == obj.Name && i < len(d.Values) {
				return isMap(d.Values[i])
			}
		}
	case *ast.AssignStmt:
		for i, l := range d.Lhs {
			if id, ok := l.(*ast.Ident); ok && id.Name == obj.Name && i < len(d.Rhs) {
				return isMap(d.Rhs[i])
			}
		}
	case *ast.Field:
		return isMap(d.Type)
	}
	return false
}
