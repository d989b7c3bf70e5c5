package runner

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
)

// Ticks give the simulator a clock and a preemption point: every function
// entry and every loop iteration calls __rt.Tick(n), n a static estimate of
// the work until the next tick (the number of statements at the top level of
// the body, at least 1). Functions that may be on a cycle of calls
// (rewrite_callgraph.go) also account their stack frame,
// __rt.Enter(frameBytes); defer __rt.Leave(), so that the simulator can
// model stack growth and overflow of deep recursion.

// tickCost is the static cost estimate of a body.
func tickCost(body *ast.BlockStmt) int {
	return max(1, len(body.List))
}

// funcEntry inserts the entry tick, and stack accounting when recursive.
func (r *rewriter) funcEntry(body *ast.BlockStmt, sig *types.Signature, recursive bool) {
	if body == nil {
		return
	}
	n := tickCost(body)
	r.insert(body.Lbrace+1, 0, fmt.Sprintf(" %s.Tick(%d);", rtName, n))
	if recursive {
		frame := r.frameSize(sig, body)
		r.insert(body.Lbrace+1, 1, fmt.Sprintf(" %s.Enter(%d); defer %s.Leave();", rtName, frame, rtName))
	}
}

// loopTick inserts the per-iteration tick at the top of a loop body. When
// the body starts with a send or a receive whose operands are pure, the
// tick goes into that operation instead (SendT, RecvT): nothing happens
// between the two, and the loop pays for one compiled call, not two.
func (r *rewriter) loopTick(body *ast.BlockStmt) {
	n := tickCost(body)
	if op := r.leadingChanOp(body); op != nil {
		r.tickInto[op] = n
		return
	}
	r.insert(body.Lbrace+1, 0, fmt.Sprintf(" %s.Tick(%d);", rtName, n))
}

// leadingChanOp returns the send statement or receive expression that
// body's first statement starts with, when nothing with an effect comes
// before it: ch <- v, <-ch, x = <-ch, x := <-ch or x op= <-ch with pure
// operands.
func (r *rewriter) leadingChanOp(body *ast.BlockStmt) ast.Node {
	if len(body.List) == 0 {
		return nil
	}
	switch s := body.List[0].(type) {
	case *ast.SendStmt:
		if r.pure(s.Chan) && r.pure(s.Value) {
			return s
		}
	case *ast.ExprStmt:
		if u, ok := isRecv(s.X); ok && r.pure(u.X) {
			return u
		}
	case *ast.AssignStmt:
		if len(s.Lhs) != 1 || len(s.Rhs) != 1 || !r.pure(s.Lhs[0]) && s.Tok != token.DEFINE {
			return nil
		}
		if u, ok := isRecv(s.Rhs[0]); ok && r.pure(u.X) {
			return u
		}
	}
	return nil
}

// frameSize estimates a function's frame as gc on amd64 would lay it out,
// roughly: the sizes of the receiver, parameters, results and every local
// variable of the body (not of nested func literals), plus 16 bytes for the
// return address and frame pointer, rounded up to 8.
func (r *rewriter) frameSize(sig *types.Signature, body *ast.BlockStmt) int {
	total := 16
	if sig != nil {
		if sig.Recv() != nil {
			total += sizeOf(sig.Recv().Type())
		}
		for _, tup := range []*types.Tuple{sig.Params(), sig.Results()} {
			for i := 0; i < tup.Len(); i++ {
				total += sizeOf(tup.At(i).Type())
			}
		}
	}
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.Ident:
			if v, ok := r.p.info.Defs[n].(*types.Var); ok {
				total += sizeOf(v.Type())
			}
		}
		return true
	})
	return (total + 7) &^ 7
}

// sizeOf is sizes.Sizeof that tolerates the types it cannot size (type
// parameters), counting a word for them.
func sizeOf(t types.Type) (n int) {
	defer func() {
		if recover() != nil {
			n = 8
		}
	}()
	if _, ok := t.(*types.TypeParam); ok {
		return 8
	}
	return int(sizes.Sizeof(t))
}

// staticCallee returns the function a call expression's Fun statically
// denotes, or nil.
func (r *rewriter) staticCallee(fun ast.Expr) *types.Func {
	fun = unparen(fun)
	switch e := fun.(type) {
	case *ast.IndexExpr:
		return r.staticCallee(e.X)
	case *ast.IndexListExpr:
		return r.staticCallee(e.X)
	case *ast.Ident:
		if f, ok := r.p.info.Uses[e].(*types.Func); ok {
			return f.Origin()
		}
	case *ast.SelectorExpr:
		if sel, ok := r.p.info.Selections[e]; ok {
			if f, ok := sel.Obj().(*types.Func); ok && !types.IsInterface(sel.Recv()) {
				return f.Origin()
			}
			return nil
		}
		if f, ok := r.p.info.Uses[e.Sel].(*types.Func); ok {
			return f.Origin()
		}
	}
	return nil
}
