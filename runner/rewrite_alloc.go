package runner

import (
	"fmt"
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"strings"
)

// The allocation checks (alloc.go) go where the rewrite can see an
// allocation's size before it is made:
//
//	make([]T, n)               make([]T, __rt.Alloc(int(n), sizeof T, allocLen))
//	make([]T, n, c)            each of n and c through __rt.Alloc
//	make(chan T, n)            make(chan T, __rt.Alloc(int(n), sizeof T, allocChan))
//	x = append(x, a, b)        if len(x)+2 > cap(x) { __rt.Grow(len(x)+2, cap(x), sizeof T) }; x = append(x, a, b)
//	strings.Repeat(s, n)       strings.Repeat(s, __rt.Repeat(len(s), int(n)))
//
// A size that is a small constant is left alone. An append is checked
// only as a statement of its own whose slice (and spread operand) can be
// read again: a variable or a field. Everything else (a string built by
// +=, maps, composite literals) is bounded by the worker process's memory
// limit, not here.

// smallAlloc is the constant size below which make is not checked.
const smallAlloc = 1 << 20

// allocChecks records the checks of the whole file.
func (r *rewriter) allocChecks() {
	var stack []ast.Node
	ast.Inspect(r.p.file, func(n ast.Node) bool {
		if n == nil {
			stack = stack[:len(stack)-1]
			return true
		}
		stack = append(stack, n)
		switch n := n.(type) {
		case *ast.CallExpr:
			r.allocMake(n)
			r.allocRepeat(n)
		case *ast.AssignStmt:
			if inStmtList(stack) {
				r.allocAppend(n)
			}
		}
		return true
	})
}

// allocMake checks the sizes of make([]T, n[, c]) and make(chan T, n).
func (r *rewriter) allocMake(call *ast.CallExpr) {
	if !r.isBuiltinCall(call, "make") || len(call.Args) < 2 {
		return
	}
	var elem types.Type
	kinds := []int{allocLen}
	switch t := r.typeOf(call.Args[0]).(type) {
	case *types.Slice:
		elem = t.Elem()
		if len(call.Args) == 3 {
			kinds = []int{allocLen3, allocCap}
		}
	case *types.Chan:
		elem, kinds = t.Elem(), []int{allocChan}
	default:
		// Named slice and channel types.
		switch u := r.typeOf(call.Args[0]).Underlying().(type) {
		case *types.Slice:
			elem = u.Elem()
			if len(call.Args) == 3 {
				kinds = []int{allocLen3, allocCap}
			}
		case *types.Chan:
			elem, kinds = u.Elem(), []int{allocChan}
		default:
			return // a map, or a type parameter
		}
	}
	size := sizeOf(elem)
	for i, kind := range kinds {
		arg := call.Args[1+i]
		if r.smallConst(arg, size) {
			continue
		}
		r.replaceNode(arg, func() []any {
			return parts(rtName+".Alloc(int(", arg, fmt.Sprintf("), %d, %d)", size, kind))
		})
	}
}

// smallConst reports whether e is a constant that makes fewer than
// smallAlloc bytes of elements of size bytes.
func (r *rewriter) smallConst(e ast.Expr, size int) bool {
	tv, ok := r.p.info.Types[e]
	if !ok || tv.Value == nil {
		return false
	}
	n, exact := constant.Int64Val(constant.ToInt(tv.Value))
	return exact && n >= 0 && n*int64(max(size, 1)) < smallAlloc
}

// allocAppend checks the growth of x = append(x, ...) (or y := ...).
func (r *rewriter) allocAppend(as *ast.AssignStmt) {
	if len(as.Lhs) != 1 || len(as.Rhs) != 1 || as.Tok != token.ASSIGN && as.Tok != token.DEFINE {
		return
	}
	call, ok := unparen(as.Rhs[0]).(*ast.CallExpr)
	if !ok || !r.isBuiltinCall(call, "append") || len(call.Args) < 2 {
		return
	}
	s, ok := r.refText(call.Args[0])
	if !ok {
		return
	}
	st, ok := r.typeOf(call.Args[0]).Underlying().(*types.Slice)
	if !ok {
		return
	}
	add := fmt.Sprint(len(call.Args) - 1)
	if call.Ellipsis.IsValid() {
		t, ok := r.refText(call.Args[1])
		if !ok {
			return
		}
		add = "len(" + t + ")"
	}
	need := fmt.Sprintf("len(%s)+%s", s, add)
	r.insert(as.Pos(), 0, fmt.Sprintf("if %s > cap(%s) { %s.Grow(%s, cap(%s), %d) }; ",
		need, s, rtName, need, s, sizeOf(st.Elem())))
}

// allocRepeat checks strings.Repeat(s, n) and bytes.Repeat(b, n) when s
// is a constant or can be read again.
func (r *rewriter) allocRepeat(call *ast.CallExpr) {
	f := r.staticCallee(call.Fun)
	if f == nil || f.Name() != "Repeat" || f.Pkg() == nil || len(call.Args) != 2 {
		return
	}
	if p := f.Pkg().Path(); p != "strings" && p != "bytes" {
		return
	}
	var size string
	if tv := r.p.info.Types[call.Args[0]]; tv.Value != nil && tv.Value.Kind() == constant.String {
		size = fmt.Sprint(len(constant.StringVal(tv.Value)))
	} else if t, ok := r.refText(call.Args[0]); ok {
		size = "len(" + t + ")"
	} else {
		return
	}
	n := call.Args[1]
	r.replaceNode(n, func() []any {
		return parts(rtName+".Repeat("+size+", int(", n, "))")
	})
}

// refText returns the source of e if it is a variable or a chain of
// field selections of one, on one line: an operand that can be read
// again with no effect and no other panic than a nil dereference the
// statement would make anyway.
func (r *rewriter) refText(e ast.Expr) (string, bool) {
	e = unparen(e)
	ok := false
	switch x := e.(type) {
	case *ast.Ident:
		_, ok = r.p.info.Uses[x].(*types.Var)
	case *ast.SelectorExpr:
		if sel, isSel := r.p.info.Selections[x]; isSel {
			if sel.Kind() != types.FieldVal {
				return "", false
			}
			_, ok = r.refText(x.X)
		} else {
			_, ok = r.p.info.Uses[x.Sel].(*types.Var)
		}
	}
	if !ok {
		return "", false
	}
	t := string(r.p.src[r.off(e.Pos()):r.off(e.End())])
	if strings.ContainsAny(t, "\n/") {
		return "", false
	}
	return t, true
}
