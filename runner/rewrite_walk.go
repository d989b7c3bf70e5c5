package runner

import (
	"go/ast"
	"go/token"
	"go/types"
)

// collect walks the file once, parents before children, and records every
// edit. It returns the names of the functions that got stack accounting.
func (r *rewriter) collect() []string {
	recursive, names := r.recursion()
	escaping := r.escapingVars()
	bounds := r.boundsPrepass(escaping)
	r.privMaps = r.privateMaps(escaping)
	r.mapAccesses()
	r.allocChecks()
	r.markMain()
	if r.race {
		r.raceAccesses(escaping)
	}
	conts := continueTargets(r.p.file)
	stmtRecv := map[*ast.UnaryExpr]bool{}
	frames := map[ast.Node]string{} // recovering functions' frame variables

	var stack []ast.Node
	ast.Inspect(r.p.file, func(n ast.Node) bool {
		if n == nil {
			stack = stack[:len(stack)-1]
			return true
		}
		stack = append(stack, n)
		if r.handled[n] && !isContainer(n) {
			return true
		}
		switch n := n.(type) {
		case *ast.FuncDecl:
			sig, _ := r.p.info.Defs[n.Name].Type().(*types.Signature)
			r.funcEntry(n.Body, sig, recursive[n])
			frames[n] = r.recoverFrame(n.Body)
		case *ast.FuncLit:
			sig, _ := r.typeOf(n).(*types.Signature)
			r.funcEntry(n.Body, sig, recursive[n])
			frames[n] = r.recoverFrame(n.Body)
			r.wrapLit(n, stack)
		case *ast.ForStmt:
			r.loopTick(n.Body)
			r.forLoopVars(n, escaping, conts)
			r.forCond(n)
		case *ast.RangeStmt:
			r.rangeStmt(n, escaping)
		case *ast.SendStmt:
			if elem, ok := r.chanElem(n.Chan); ok {
				r.litToIface([]types.Type{elem}, []ast.Expr{n.Value})
			}
			r.send(n, inStmtList(stack))
		case *ast.ExprStmt:
			if u, ok := isRecv(n.X); ok {
				stmtRecv[u] = true
			}
		case *ast.UnaryExpr:
			if n.Op == token.ARROW {
				r.recv(n, stmtRecv[n])
			}
		case *ast.IncDecStmt:
			r.raceRMW(n, stack, escaping)
		case *ast.BinaryExpr:
			r.shiftCount(n.Op, n.Y)
		case *ast.AssignStmt:
			if len(n.Rhs) == 1 {
				r.shiftCount(n.Tok, n.Rhs[0])
			}
			r.raceRMW(n, stack, escaping)
			r.parallelAssign(n)
			if n.Tok == token.ASSIGN || n.Tok == token.DEFINE {
				r.litToIface(r.assignTargets(n.Lhs), n.Rhs)
			}
			if u, ok := commaOkRecv(n.Lhs, n.Rhs); ok {
				okType := ""
				if n.Tok == token.ASSIGN {
					okType = r.okTypeOf(n.Lhs[1])
				}
				r.recv2(u, okType)
			}
		case *ast.ValueSpec:
			r.parallelValues(r.assignTargets(identExprs(n.Names)), n.Values, false)
			r.litToIface(r.assignTargets(identExprs(n.Names)), n.Values)
			if u, ok := commaOkRecv(identExprs(n.Names), n.Values); ok {
				okType := ""
				if n.Type != nil {
					okType = r.okTypeOf(n.Names[1])
				}
				r.recv2(u, okType)
			}
		case *ast.SelectStmt:
			r.selectStmt(n)
		case *ast.GoStmt:
			r.goStmt(n)
		case *ast.DeferStmt:
			r.deferStmt(n, inLoop(stack))
		case *ast.CallExpr:
			r.call(n, stack, frames)
		case *ast.SelectorExpr:
			r.stubSelector(n)
		case *ast.IndexExpr:
			r.boundsIndex(bounds, n)
		case *ast.SliceExpr:
			r.boundsSlice(bounds, n)
		case *ast.Ident:
			if inst, ok := r.p.info.Instances[n]; ok {
				r.explicitInst(n, inst, stack)
			}
		}
		return true
	})
	return names
}

// isContainer reports whether a handled node still needs its own visit:
// only expressions and simple statements are fully handled by their
// enclosing rewrite.
func isContainer(n ast.Node) bool {
	switch n.(type) {
	case *ast.UnaryExpr, *ast.SendStmt, *ast.CallExpr:
		return false
	}
	return true
}

// inStmtList reports whether statement s (the top of stack) sits in a
// statement list, directly or through labels, where it may be replaced by
// a block.
func inStmtList(stack []ast.Node) bool {
	for i := len(stack) - 2; i >= 0; i-- {
		switch p := stack[i].(type) {
		case *ast.LabeledStmt:
			continue
		case *ast.BlockStmt, *ast.CaseClause:
			return true
		case *ast.CommClause:
			return p.Comm != stack[i+1]
		default:
			return false
		}
	}
	return false
}

// inLoop reports whether the top of stack is in the body of a loop of the
// same function.
func inLoop(stack []ast.Node) bool {
	for i := len(stack) - 2; i >= 0; i-- {
		switch stack[i].(type) {
		case *ast.FuncLit, *ast.FuncDecl:
			return false
		case *ast.ForStmt, *ast.RangeStmt:
			return true
		}
	}
	return false
}

// commaOkRecv reports whether lhs = rhs is a comma-ok receive.
func commaOkRecv(lhs, rhs []ast.Expr) (*ast.UnaryExpr, bool) {
	if len(lhs) != 2 || len(rhs) != 1 {
		return nil, false
	}
	return isRecv(rhs[0])
}

func identExprs(ids []*ast.Ident) []ast.Expr {
	out := make([]ast.Expr, len(ids))
	for i, id := range ids {
		out[i] = id
	}
	return out
}

// rangeStmt dispatches on what is ranged over.
func (r *rewriter) rangeStmt(rs *ast.RangeStmt, escaping map[*types.Var]bool) {
	t := r.typeOf(rs.X)
	switch u := coreType(t).(type) {
	case *types.Chan:
		r.rangeChan(rs)
		return // Recv2T ticks
	case *types.Basic:
		if u.Info()&types.IsInteger != 0 {
			r.rangeInt(rs)
		} else {
			r.rangeStringKey(rs)
			r.rangeLoopVars(rs, escaping)
		}
	case *types.Signature:
		if r.rangeIter(rs) {
			r.rangeLoopVars(rs, escaping)
			break
		}
		r.refuse(rs.For, "range over function iterator %s (Go 1.23) is not supported by the runner; call the function with a yield func instead", types.ExprString(rs.X))
		return
	case nil:
		r.refuse(rs.For, "range over %s is not supported by the runner", types.ExprString(rs.X))
		return
	default:
		if rs.Value != nil && !isBlank(rs.Value) && hasChanElem(u) {
			r.rangeChanElems(rs, u)
		} else {
			r.rangeLoopVars(rs, escaping)
		}
	}
	r.loopTick(rs.Body)
}

// call dispatches calls of builtins and of stubbed packages. stack ends
// with c; frames holds the frame variables of recovering functions.
func (r *rewriter) call(c *ast.CallExpr, stack []ast.Node, frames map[ast.Node]string) {
	fun := unparen(c.Fun)
	if tv, ok := r.p.info.Types[c.Fun]; ok && tv.IsType() {
		r.ifaceConversion(c)
		return
	}
	if id, ok := fun.(*ast.Ident); ok {
		if b, ok := r.p.info.Uses[id].(*types.Builtin); ok {
			if isGoDeferCall(c, stack) {
				return // rewritten by goStmt or deferStmt, or left alone
			}
			switch b.Name() {
			case "panic":
				r.panicCall(c)
			case "recover":
				r.recoverCall(c, frames[enclosingFunc(stack)])
			case "print", "println":
				r.printCall(c, b.Name())
			case "close", "len", "cap":
				r.chanBuiltin(c, b.Name())
			case "min", "max":
				r.minMax(c, b.Name())
			case "clear":
				r.clear(c)
			case "make":
				r.makeDirChan(c)
			}
		}
		return
	}
	if r.isStubFunc(fun) {
		r.stubCall(c)
		return
	}
	if !isGoDeferCall(c, stack) {
		r.syncMethodCall(c)
	}
}

// isGoDeferCall reports whether c, the top of stack, is the call of a go
// or defer statement.
func isGoDeferCall(c *ast.CallExpr, stack []ast.Node) bool {
	if len(stack) < 2 {
		return false
	}
	switch p := stack[len(stack)-2].(type) {
	case *ast.GoStmt:
		return p.Call == c
	case *ast.DeferStmt:
		return p.Call == c
	}
	return false
}

// enclosingFunc returns the innermost function declaration or literal on
// stack.
func enclosingFunc(stack []ast.Node) ast.Node {
	for i := len(stack) - 1; i >= 0; i-- {
		switch stack[i].(type) {
		case *ast.FuncDecl, *ast.FuncLit:
			return stack[i]
		}
	}
	return nil
}
