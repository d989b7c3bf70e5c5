package runner

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"strings"
)

// Loops: yaegi v0.16.1 still has one variable per loop, not Go 1.22's one
// per iteration, and it panics on range over an int. Both are fixed here.
//
// A per-iteration copy is only observable when the variable outlives the
// iteration: a func literal captures it, or its address is taken (&v, v[:]
// of an array, a pointer-method call v.M()). Only such variables get one.

// escapingVars returns the variables that a func literal captures or whose
// address is taken anywhere in the file.
func (r *rewriter) escapingVars() map[*types.Var]bool {
	info := r.p.info
	out := map[*types.Var]bool{}
	mark := func(e ast.Expr) {
		if v := r.rootVar(e); v != nil {
			out[v] = true
		}
	}
	ast.Inspect(r.p.file, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			lo, hi := n.Pos(), n.End()
			ast.Inspect(n.Body, func(m ast.Node) bool {
				if id, ok := m.(*ast.Ident); ok {
					if v, ok := info.Uses[id].(*types.Var); ok && (v.Pos() < lo || v.Pos() >= hi) {
						out[v] = true
					}
				}
				return true
			})
		case *ast.UnaryExpr:
			if n.Op == token.AND {
				mark(n.X)
			}
		case *ast.SliceExpr:
			if _, ok := r.typeOf(n.X).Underlying().(*types.Array); ok {
				mark(n.X)
			}
		case *ast.SelectorExpr:
			sel, ok := info.Selections[n]
			if !ok || sel.Kind() != types.MethodVal {
				break
			}
			f, _ := sel.Obj().(*types.Func)
			if f == nil {
				break
			}
			_, ptrRecv := f.Signature().Recv().Type().(*types.Pointer)
			_, ptrX := r.typeOf(n.X).Underlying().(*types.Pointer)
			if ptrRecv && !ptrX {
				mark(n.X)
			}
		}
		return true
	})
	return out
}

// rootVar returns the variable whose storage e denotes part of (v, v.f,
// v[i] of an array), or nil.
func (r *rewriter) rootVar(e ast.Expr) *types.Var {
	switch e := unparen(e).(type) {
	case *ast.Ident:
		v, _ := r.p.info.ObjectOf(e).(*types.Var)
		return v
	case *ast.SelectorExpr:
		if sel, ok := r.p.info.Selections[e]; ok && sel.Kind() == types.FieldVal {
			if _, ptr := r.typeOf(e.X).Underlying().(*types.Pointer); !ptr {
				return r.rootVar(e.X)
			}
		}
	case *ast.IndexExpr:
		if _, arr := r.typeOf(e.X).Underlying().(*types.Array); arr {
			return r.rootVar(e.X)
		}
	}
	return nil
}

// continueTargets maps every continue statement to the loop it continues.
func continueTargets(file *ast.File) map[*ast.BranchStmt]ast.Stmt {
	out := map[*ast.BranchStmt]ast.Stmt{}
	var stack []ast.Node
	ast.Inspect(file, func(n ast.Node) bool {
		if n == nil {
			stack = stack[:len(stack)-1]
			return true
		}
		if br, ok := n.(*ast.BranchStmt); ok && br.Tok == token.CONTINUE {
			for i := len(stack) - 1; i >= 0; i-- {
				if _, lit := stack[i].(*ast.FuncLit); lit {
					break
				}
				if br.Label == nil {
					if isLoop(stack[i]) {
						out[br] = stack[i].(ast.Stmt)
						break
					}
				} else if ls, ok := stack[i].(*ast.LabeledStmt); ok && ls.Label.Name == br.Label.Name {
					out[br] = ls.Stmt
					break
				}
			}
		}
		stack = append(stack, n)
		return true
	})
	return out
}

func isLoop(n ast.Node) bool {
	switch n.(type) {
	case *ast.ForStmt, *ast.RangeStmt:
		return true
	}
	return false
}

// rangeLoopVars gives the escaping iteration variables of a range loop a
// per-iteration copy: "k, v := k, v;" at the top of the body.
func (r *rewriter) rangeLoopVars(rs *ast.RangeStmt, escaping map[*types.Var]bool) {
	if rs.Tok != token.DEFINE {
		return
	}
	var names []string
	for _, e := range []ast.Expr{rs.Key, rs.Value} {
		if id, ok := e.(*ast.Ident); ok {
			if v, ok := r.p.info.Defs[id].(*types.Var); ok && escaping[v] {
				names = append(names, id.Name)
			}
		}
	}
	if len(names) == 0 {
		return
	}
	list := strings.Join(names, ", ")
	r.insert(rs.Body.Lbrace+1, 1, func() string { return " " + list + " := " + list + ";" })
}

// forLoopVars gives the escaping variables of a three-clause loop Go 1.22
// semantics with the compiler's own transformation:
//
//	for __l := 0; __l < n; __l++ { i := __l; { body }; __cont: __l = i }
//
// init, condition and post use the outer variable; each iteration works on
// its own copy, written back before the post statement. continue (and
// continue L) of this loop becomes goto __cont; the body is wrapped in a
// block so the goto jumps over no declaration.
func (r *rewriter) forLoopVars(fs *ast.ForStmt, escaping map[*types.Var]bool, conts map[*ast.BranchStmt]ast.Stmt) {
	init, ok := fs.Init.(*ast.AssignStmt)
	if !ok || init.Tok != token.DEFINE {
		return
	}
	outer := map[types.Object]string{}
	var inner, outers []string
	for _, e := range init.Lhs {
		id, ok := e.(*ast.Ident)
		if !ok {
			continue
		}
		if v, ok := r.p.info.Defs[id].(*types.Var); ok && escaping[v] {
			o := r.fresh("l")
			outer[v] = o
			inner = append(inner, id.Name)
			outers = append(outers, o)
		}
	}
	if len(inner) == 0 {
		return
	}
	for _, part := range []ast.Node{fs.Init, fs.Cond, fs.Post} {
		if part == nil {
			continue
		}
		ast.Inspect(part, func(n ast.Node) bool {
			if id, ok := n.(*ast.Ident); ok {
				if o, ok := outer[r.p.info.ObjectOf(id)]; ok {
					r.replaceNode(id, func() string { return o })
				}
			}
			return true
		})
	}
	label := ""
	for br, loop := range conts {
		if loop == fs {
			if label == "" {
				label = r.fresh("cont")
			}
			r.replaceNode(br, func() string { return "goto " + label })
		}
	}
	in, out := strings.Join(inner, ", "), strings.Join(outers, ", ")
	r.insert(fs.Body.Lbrace+1, 1, func() string { return " " + in + " := " + out + "; {" })
	r.insert(fs.Body.Rbrace, 0, func() string {
		s := "}; "
		if label != "" {
			s += label + ": "
		}
		return s + out + " = " + in + "; "
	})
}

// rangeInt rewrites for i := range n (Go 1.22), which yaegi v0.16.1 panics
// on, into a three-clause loop over a hidden counter. n is evaluated once;
// i is a fresh copy in every iteration, so changing it in the body does not
// change the iteration count, as in Go.
func (r *rewriter) rangeInt(rs *ast.RangeStmt) {
	var t types.Type
	if rs.Key != nil && !isBlank(rs.Key) {
		t = r.typeOf(rs.Key)
	}
	if t == nil {
		t = types.Default(r.typeOf(rs.X))
	}
	tn, err := r.typeName(t)
	if err != nil {
		r.refuse(rs.X.Pos(), "range over %s is not supported by the runner", tn)
		return
	}
	i, n := r.fresh("i"), r.fresh("n")
	r.replace(rs.For, rs.Body.Lbrace+1, func() string {
		s := fmt.Sprintf("for %s, %s := %s(0), %s(%s); %s < %s; %s++ {%s", i, n, tn, tn, r.src(rs.X), i, n, i, padHere)
		if rs.Key != nil && !isBlank(rs.Key) {
			s += fmt.Sprintf(" %s %s %s;", r.src(rs.Key), rs.Tok, i)
		}
		return s
	})
}

// forCond gives for init; ; post loops an explicit true condition: yaegi
// v0.16.1 runs the init statement again on every iteration of a loop that
// has an init and no condition.
func (r *rewriter) forCond(fs *ast.ForStmt) {
	if fs.Init == nil || fs.Cond != nil {
		return
	}
	src := r.p.src
	i := r.off(fs.Init.End())
	for i < len(src) && src[i] != ';' {
		i++
	}
	if i >= len(src) {
		return
	}
	r.insert(r.tf.Pos(i+1), 0, func() string { return " true" })
}
