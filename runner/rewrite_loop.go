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
	r.insert(rs.Body.Lbrace+1, 1, " "+list+" := "+list+";")
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
					r.replaceText(id, o)
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
			r.replaceText(br, "goto "+label)
			if br.Label != nil {
				r.labelsGone[r.p.info.Uses[br.Label]]++
			}
		}
	}
	in, out := strings.Join(inner, ", "), strings.Join(outers, ", ")
	r.insert(fs.Body.Lbrace+1, 1, " "+in+" := "+out+"; {")
	end := "}; "
	if label != "" {
		end += label + ": "
	}
	r.insert(fs.Body.Rbrace, 0, end+out+" = "+in+"; ")
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
	ps := parts(fmt.Sprintf("for %s, %s := %s(0), %s(", i, n, tn, tn), rs.X,
		fmt.Sprintf("); %s < %s; %s++ {%s", i, n, i, padHere))
	if rs.Key != nil && !isBlank(rs.Key) {
		ps = append(ps, " ", rs.Key, fmt.Sprintf(" %s %s;", rs.Tok, i))
	}
	r.replace(rs.For, rs.Body.Lbrace+1, func() []any { return ps })
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
	r.insert(r.tf.Pos(i+1), 0, " true")
}

// hasChanElem reports whether u, a container type, has channel elements.
func hasChanElem(u types.Type) bool {
	if p, ok := u.(*types.Pointer); ok {
		u = p.Elem().Underlying()
	}
	var elem types.Type
	switch c := u.(type) {
	case *types.Slice:
		elem = c.Elem()
	case *types.Array:
		elem = c.Elem()
	case *types.Map:
		elem = c.Elem()
	default:
		return false
	}
	_, isChan := elem.Underlying().(*types.Chan)
	return isChan
}

// rangeChanElems rewrites for k, v := range x when the elements of x are
// channels: yaegi v0.16.1 fails on such loops ("reflect: call of
// reflect.Value.Len on int Value"). Slices and arrays become an index
// loop over x, evaluated once (an array is copied, as range does); a map
// becomes a loop over its keys that reads each value, which needs x to be
// a variable.
func (r *rewriter) rangeChanElems(rs *ast.RangeStmt, u types.Type) {
	key := []any{}
	if rs.Key != nil && !isBlank(rs.Key) {
		key = parts(rs.Key)
	}
	if _, isMap := u.(*types.Map); isMap {
		if !isVarRef(rs.X) {
			r.refuse(rs.For, "range with a value over a map of channels needs a variable: write for k := range m { v := m[k]; ... }")
			return
		}
		k := r.fresh("k")
		ps := parts("for "+k+" := range ", rs.X, " {"+padHere+" ")
		if len(key) > 0 {
			ps = append(ps, rs.Key, " "+rs.Tok.String()+" "+k+"; ")
		}
		ps = append(ps, rs.Value, " "+rs.Tok.String()+" ", rs.X, "["+k+"];")
		r.replace(rs.For, rs.Body.Lbrace+1, func() []any { return ps })
		return
	}
	x, i := r.fresh("x"), r.fresh("i")
	ps := parts("for "+x+", "+i+" := ", rs.X, fmt.Sprintf(", 0; %s < len(%s); %s++ {%s ", i, x, i, padHere))
	if len(key) > 0 {
		ps = append(ps, rs.Key, " "+rs.Tok.String()+" "+i+"; ")
	}
	ps = append(ps, rs.Value, " "+rs.Tok.String()+" "+x+"["+i+"];")
	r.replace(rs.For, rs.Body.Lbrace+1, func() []any { return ps })
}

// isVarRef reports whether e is a variable or a field selection of one,
// which can be evaluated twice.
func isVarRef(e ast.Expr) bool {
	switch e := unparen(e).(type) {
	case *ast.Ident:
		return true
	case *ast.SelectorExpr:
		return isVarRef(e.X)
	}
	return false
}

// dropUnusedLabels removes the labels whose every use was a continue that
// became a goto: Go refuses a label that is defined and not used.
func (r *rewriter) dropUnusedLabels() {
	if len(r.labelsGone) == 0 {
		return
	}
	uses := map[types.Object]int{}
	for id, obj := range r.p.info.Uses {
		if _, ok := obj.(*types.Label); ok && id != nil {
			uses[obj]++
		}
	}
	ast.Inspect(r.p.file, func(n ast.Node) bool {
		if ls, ok := n.(*ast.LabeledStmt); ok {
			obj := r.p.info.Defs[ls.Label]
			if n := r.labelsGone[obj]; n > 0 && n == uses[obj] {
				r.replace(ls.Label.Pos(), ls.Colon+1, func() []any { return nil })
			}
		}
		return true
	})
}
