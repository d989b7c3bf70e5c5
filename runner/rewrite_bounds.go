package runner

import (
	"fmt"
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
)

// Bounds checks: yaegi v0.16.1 indexes and slices through reflect, whose
// panics ("reflect: slice index out of range") lose the index and the
// length that gc prints ("index out of range [5] with length 3"). So every
// index and slice expression on a slice, array or string that the compiler
// would check at run time gets its check in the rewritten program, and the
// shim (bounds.go) is called only to fail, with gc's runtime.Error.
//
// A call into compiled code costs yaegi about as much as ten interpreted
// operations, so checks are interpreted and placed where they cost least:
//
//   - none at all where the index is provably in range: a constant index
//     into an array (the type checker proved it), s[i] in for i := range s
//     and for i := 0; i < len(s); i++ while neither i nor s can change
//     (local, never captured or addressed, not assigned in the body);
//   - hoisted: an expression evaluated whenever its statement runs, whose
//     operands are pure (variables, constants, fields, pure index
//     expressions, conversions, len), and that no call or receive of the
//     statement precedes, is checked by an if statement inserted before the
//     statement, on the same line:
//     if uint(i) >= uint(len(s)) { __rt.PanicIndex(int64(i), len(s)) }; x := s[i]
//   - in place, elsewhere (a loop condition, the right of &&): the index
//     becomes __rt.Index(int(i), len(s)), a compiled call; an index into
//     the result of a call becomes a helper call, (*__index(f(), i)).
//
// gc evaluates every call of a statement before its index checks (order.go
// moves calls into temporaries), so x := s[i] + f() calls f before it
// panics; here the check runs first, as yaegi evaluates left to right. A
// slice expression whose operand or non-final indices are not pure is left
// to yaegi.

// boundsInfo is what the pre-pass found about the file's index expressions.
type boundsInfo struct {
	safe  map[ast.Expr]bool     // proved in range: no check
	hoist map[ast.Expr]ast.Stmt // check before this statement
	order map[ast.Expr]int      // post-order number: orders hoisted checks
	off   bool                  // the program redeclares a name the checks use
}

// boundsPrepass finds the index expressions that need no check and those
// whose check can be hoisted.
func (r *rewriter) boundsPrepass(escaping map[*types.Var]bool) *boundsInfo {
	b := &boundsInfo{safe: map[ast.Expr]bool{}, hoist: map[ast.Expr]ast.Stmt{}, order: map[ast.Expr]int{}}
	for id, obj := range r.p.info.Defs {
		switch id.Name {
		case "len", "cap", "uint", "int", "int64", "uint64":
			if obj != nil {
				b.off = true
			}
		}
	}
	n := 0
	ast.Inspect(r.p.file, func(node ast.Node) bool {
		switch s := node.(type) {
		case *ast.BlockStmt:
			r.hoistList(b, s.List)
		case *ast.CaseClause:
			r.hoistList(b, s.Body)
		case *ast.CommClause:
			r.hoistList(b, s.Body)
		case *ast.RangeStmt:
			r.bceRange(b, s, escaping)
		case *ast.ForStmt:
			r.bceFor(b, s, escaping)
		}
		return true
	})
	// Post-order numbers: an index expression's operands are checked
	// before it, and siblings in source order.
	var stack []ast.Node
	ast.Inspect(r.p.file, func(node ast.Node) bool {
		if node == nil {
			top := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			switch e := top.(type) {
			case *ast.IndexExpr, *ast.SliceExpr:
				n++
				b.order[e.(ast.Expr)] = n
			}
			return true
		}
		stack = append(stack, node)
		return true
	})
	return b
}

// hoistList records, for each statement of a list, the index and slice
// expressions whose check can go just before it.
func (r *rewriter) hoistList(b *boundsInfo, list []ast.Stmt) {
	for _, s := range list {
		roots := stmtRoots(s)
		if len(roots) == 0 {
			continue
		}
		// The calls and receives of the statement, by end position: an
		// index expression after one of them cannot be checked earlier.
		var impure []token.Pos
		var cands []ast.Expr
		for _, root := range roots {
			r.scanRoot(root, false, &impure, &cands)
		}
		for _, e := range cands {
			ok := true
			for _, end := range impure {
				if end <= e.Pos() {
					ok = false
					break
				}
			}
			if ok && r.pureOperands(e) {
				b.hoist[e] = s
			}
		}
	}
}

// stmtRoots returns the expressions s evaluates, unconditionally and
// first, when it runs.
func stmtRoots(s ast.Stmt) []ast.Expr {
	switch s := s.(type) {
	case *ast.ExprStmt:
		return []ast.Expr{s.X}
	case *ast.AssignStmt:
		return append(append([]ast.Expr(nil), s.Lhs...), s.Rhs...)
	case *ast.IncDecStmt:
		return []ast.Expr{s.X}
	case *ast.SendStmt:
		return []ast.Expr{s.Chan, s.Value}
	case *ast.ReturnStmt:
		return s.Results
	case *ast.GoStmt:
		return []ast.Expr{s.Call}
	case *ast.DeferStmt:
		return []ast.Expr{s.Call}
	case *ast.DeclStmt:
		var out []ast.Expr
		if g, ok := s.Decl.(*ast.GenDecl); ok && g.Tok == token.VAR {
			for _, sp := range g.Specs {
				out = append(out, sp.(*ast.ValueSpec).Values...)
			}
		}
		return out
	case *ast.IfStmt:
		if s.Init != nil {
			return stmtRoots(s.Init)
		}
		return []ast.Expr{s.Cond}
	case *ast.SwitchStmt:
		if s.Init != nil {
			return stmtRoots(s.Init)
		}
		if s.Tag != nil {
			return []ast.Expr{s.Tag}
		}
	case *ast.TypeSwitchStmt:
		if s.Init != nil {
			return stmtRoots(s.Init)
		}
		return stmtRoots(s.Assign)
	case *ast.ForStmt:
		if s.Init != nil {
			return stmtRoots(s.Init)
		}
	case *ast.RangeStmt:
		return []ast.Expr{s.X}
	}
	return nil
}

// scanRoot collects the end positions of the calls and receives in e and
// the index and slice expressions it evaluates unconditionally. Func
// literals are not entered: their bodies are lists of their own.
func (r *rewriter) scanRoot(e ast.Expr, cond bool, impure *[]token.Pos, cands *[]ast.Expr) {
	ast.Inspect(e, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.BinaryExpr:
			if n.Op == token.LAND || n.Op == token.LOR {
				r.scanRoot(n.X, cond, impure, cands)
				r.scanRoot(n.Y, true, impure, cands)
				return false
			}
		case *ast.CallExpr:
			if !r.pureCall(n) {
				*impure = append(*impure, n.End())
			}
		case *ast.UnaryExpr:
			if n.Op == token.ARROW {
				*impure = append(*impure, n.End())
			}
		case *ast.IndexExpr, *ast.SliceExpr:
			if !cond {
				*cands = append(*cands, n.(ast.Expr))
			}
		}
		return true
	})
}

// pureCall reports whether call is a conversion or a call of len or cap,
// which have no effect and can be evaluated twice.
func (r *rewriter) pureCall(call *ast.CallExpr) bool {
	if tv, ok := r.p.info.Types[call.Fun]; ok && tv.IsType() {
		return true
	}
	if id, ok := unparen(call.Fun).(*ast.Ident); ok {
		if b, ok := r.p.info.Uses[id].(*types.Builtin); ok {
			return b.Name() == "len" || b.Name() == "cap"
		}
	}
	return false
}

// pure reports whether e has no effect and can be evaluated again with the
// same result, nothing happening in between: a constant, a variable, a
// field, a pure index expression, a conversion, len or cap, or operators
// on those.
func (r *rewriter) pure(e ast.Expr) bool {
	if e == nil {
		return true
	}
	if tv, ok := r.p.info.Types[e]; ok && tv.Value != nil {
		return true
	}
	switch e := e.(type) {
	case *ast.Ident:
		_, ok := r.p.info.Uses[e].(*types.Var)
		return ok
	case *ast.BasicLit:
		return true
	case *ast.ParenExpr:
		return r.pure(e.X)
	case *ast.StarExpr:
		return r.pure(e.X)
	case *ast.SelectorExpr:
		if sel, ok := r.p.info.Selections[e]; ok {
			return sel.Kind() == types.FieldVal && r.pure(e.X)
		}
		_, ok := r.p.info.Uses[e.Sel].(*types.Var)
		return ok
	case *ast.IndexExpr:
		if tv := r.p.info.Types[e]; tv.IsType() {
			return false
		}
		if _, ok := r.typeOf(e.X).(*types.Signature); ok {
			return false
		}
		return r.pure(e.X) && r.pure(e.Index)
	case *ast.UnaryExpr:
		return e.Op != token.ARROW && r.pure(e.X)
	case *ast.BinaryExpr:
		return r.pure(e.X) && r.pure(e.Y)
	case *ast.CallExpr:
		return r.pureCall(e) && len(e.Args) == 1 && r.pure(e.Args[0])
	}
	return false
}

// pureOperands reports whether the operand and indices of an index or
// slice expression are pure.
func (r *rewriter) pureOperands(e ast.Expr) bool {
	switch e := e.(type) {
	case *ast.IndexExpr:
		return r.pure(e.X) && r.pure(e.Index)
	case *ast.SliceExpr:
		return r.pure(e.X) && r.pure(e.Low) && r.pure(e.High) && r.pure(e.Max)
	}
	return false
}

// localVar returns the local variable e names when it cannot change
// behind the code's back: never captured by a func literal nor addressed.
func (r *rewriter) localVar(e ast.Expr, escaping map[*types.Var]bool) *types.Var {
	id, ok := unparen(e).(*ast.Ident)
	if !ok {
		return nil
	}
	v, ok := r.p.info.ObjectOf(id).(*types.Var)
	if !ok || escaping[v] || v.Parent() == nil || v.Parent() == r.p.pkg.Scope() {
		return nil
	}
	return v
}

// assigns reports whether body assigns one of vs.
func (r *rewriter) assigns(body ast.Node, vs ...*types.Var) bool {
	found := false
	is := func(e ast.Expr) {
		if id, ok := unparen(e).(*ast.Ident); ok {
			for _, v := range vs {
				if v != nil && r.p.info.ObjectOf(id) == v {
					found = true
				}
			}
		}
	}
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.AssignStmt:
			for _, l := range n.Lhs {
				is(l)
			}
		case *ast.IncDecStmt:
			is(n.X)
		case *ast.RangeStmt:
			if n.Tok == token.ASSIGN {
				is(n.Key)
				is(n.Value)
			}
		}
		return !found
	})
	return found
}

// fixedLen reports whether the length of x's type cannot change: an array
// or a pointer to one.
func (r *rewriter) fixedLen(x ast.Expr) bool {
	t := coreType(r.typeOf(x))
	if p, ok := t.(*types.Pointer); ok {
		t = p.Elem().Underlying()
	}
	_, ok := t.(*types.Array)
	return ok
}

// bceRange marks s[i], s[i:] and s[:i] in the body of for i := range s as
// safe, when neither can change in the body.
func (r *rewriter) bceRange(b *boundsInfo, rs *ast.RangeStmt, escaping map[*types.Var]bool) {
	if rs.Tok != token.DEFINE || rs.Key == nil {
		return
	}
	switch coreType(r.typeOf(rs.X)).(type) {
	case *types.Slice, *types.Array, *types.Pointer, *types.Basic:
	default:
		return
	}
	s, i := r.localVar(rs.X, escaping), r.localVar(rs.Key, escaping)
	if s == nil || i == nil || r.assigns(rs.Body, i) || !r.fixedLen(rs.X) && r.assigns(rs.Body, s) {
		return
	}
	r.markSafe(b, rs.Body, s, i)
}

// bceFor does the same for for i := c; i < len(s); i++ (or i += c), c a
// non-negative constant.
func (r *rewriter) bceFor(b *boundsInfo, fs *ast.ForStmt, escaping map[*types.Var]bool) {
	init, ok := fs.Init.(*ast.AssignStmt)
	if !ok || init.Tok != token.DEFINE || len(init.Lhs) != 1 || !r.nonNegConst(init.Rhs[0]) {
		return
	}
	cond, ok := fs.Cond.(*ast.BinaryExpr)
	if !ok || cond.Op != token.LSS {
		return
	}
	call, ok := unparen(cond.Y).(*ast.CallExpr)
	if !ok || len(call.Args) != 1 || !r.isBuiltinNamed(call.Fun, "len") {
		return
	}
	i := r.localVar(init.Lhs[0], escaping)
	if i == nil || r.localVar(cond.X, escaping) != i {
		return
	}
	switch p := fs.Post.(type) {
	case *ast.IncDecStmt:
		if p.Tok != token.INC || r.localVar(p.X, escaping) != i {
			return
		}
	case *ast.AssignStmt:
		if p.Tok != token.ADD_ASSIGN || r.localVar(p.Lhs[0], escaping) != i || !r.nonNegConst(p.Rhs[0]) {
			return
		}
	default:
		return
	}
	s := r.localVar(call.Args[0], escaping)
	if s == nil || r.assigns(fs.Body, i) || !r.fixedLen(call.Args[0]) && r.assigns(fs.Body, s) {
		return
	}
	r.markSafe(b, fs.Body, s, i)
}

func (r *rewriter) nonNegConst(e ast.Expr) bool {
	tv := r.p.info.Types[e]
	return tv.Value != nil && tv.Value.Kind() == constant.Int && constant.Sign(tv.Value) >= 0
}

func (r *rewriter) isBuiltinNamed(e ast.Expr, name string) bool {
	id, ok := unparen(e).(*ast.Ident)
	if !ok {
		return false
	}
	b, ok := r.p.info.Uses[id].(*types.Builtin)
	return ok && b.Name() == name
}

// markSafe marks s[i], s[i:] and s[:i] in body as in range.
func (r *rewriter) markSafe(b *boundsInfo, body *ast.BlockStmt, s, i *types.Var) {
	is := func(e ast.Expr, v *types.Var) bool {
		id, ok := unparen(e).(*ast.Ident)
		return ok && r.p.info.ObjectOf(id) == v
	}
	ast.Inspect(body, func(n ast.Node) bool {
		switch e := n.(type) {
		case *ast.IndexExpr:
			if is(e.X, s) && is(e.Index, i) {
				b.safe[e] = true
			}
		case *ast.SliceExpr:
			if is(e.X, s) && e.Max == nil && (e.Low == nil && is(e.High, i) || e.High == nil && is(e.Low, i)) {
				b.safe[e] = true
			}
		}
		return true
	})
}

// indexKind classifies what x[...] indexes for a bounds check: "slice",
// "array" (an array or a pointer to one) or "string", or "" for a map or a
// type parameter without a core type, which are not checked.
func (r *rewriter) indexKind(x ast.Expr) string {
	switch t := coreType(r.typeOf(x)).(type) {
	case *types.Slice:
		return "slice"
	case *types.Array:
		return "array"
	case *types.Pointer:
		if _, ok := t.Elem().Underlying().(*types.Array); ok {
			return "array"
		}
	case *types.Basic:
		if t.Info()&types.IsString != 0 {
			return "string"
		}
	}
	return ""
}

// isUnsigned reports whether index expression e has an unsigned type.
func (r *rewriter) isUnsigned(e ast.Expr) bool {
	t := r.typeOf(e)
	if t == nil {
		return false
	}
	b, ok := coreType(t).(*types.Basic)
	return ok && b.Info()&types.IsUnsigned != 0
}

// boundsIndex adds the check of x[i].
func (r *rewriter) boundsIndex(b *boundsInfo, e *ast.IndexExpr) {
	if b.off || b.safe[e] || r.p.info.Types[e].IsType() {
		return
	}
	kind := r.indexKind(e.X)
	if kind == "" || r.isConst(e.Index) && (kind == "array" || r.isConst(e.X)) {
		return
	}
	conv, fail, check := "int64", "PanicIndex", "Index"
	if r.isUnsigned(e.Index) {
		conv, fail, check = "uint64", "PanicIndexU", "IndexU"
	}
	if s, ok := b.hoist[e]; ok {
		r.insertParts(s.Pos(), 10+b.order[e], parts("if uint(", e.Index, ") >= uint(len(", e.X, ")) { "+rtName+"."+fail+"("+conv+"(", e.Index, "), len(", e.X, ")) }; "))
		return
	}
	if r.pure(e.X) {
		arg := "int("
		if conv == "uint64" {
			arg = "uint64("
		}
		r.replace(e.Index.Pos(), e.Index.End(), func() []any {
			return parts(rtName+"."+check+"("+arg, e.Index, "), len(", e.X, "))")
		})
		return
	}
	r.indexHelper(e, kind, conv, check)
}

// indexHelper checks x[i] with x not pure (a call's result) through a
// helper that evaluates x once: a pointer to the element for a slice or a
// pointer to an array, which keeps the expression addressable, the element
// for an array value or a string.
func (r *rewriter) indexHelper(e *ast.IndexExpr, kind, conv, check string) {
	xt := r.typeOf(e.X)
	et := r.typeOf(e)
	names, err := r.typeNames(xt, et)
	if err != nil {
		return // left to yaegi
	}
	it := "int"
	if conv == "uint64" {
		it = "uint64"
	}
	h := helper{stem: "index", types: []types.Type{xt, et}}
	pre, post := "", ""
	if _, isPtr := coreType(xt).(*types.Pointer); kind == "slice" || isPtr {
		h.sig = fmt.Sprintf("(x %s, i %s) *%s", names[0], it, names[1])
		h.body = fmt.Sprintf("{ return &x[%s.%s(i, len(x))] }", rtName, check)
		pre, post = "(*", ")"
	} else {
		h.sig = fmt.Sprintf("(x %s, i %s) %s", names[0], it, names[1])
		h.body = fmt.Sprintf("{ return x[%s.%s(i, len(x))] }", rtName, check)
	}
	fn := r.helperName(h)
	r.replaceNode(e, func() []any {
		return parts(pre+fn+"(", e.X, ", "+it+"(", e.Index, ")"+padHere+")"+post)
	})
}

// typeNames spells ts, or fails when one cannot be named.
func (r *rewriter) typeNames(ts ...types.Type) ([]string, error) {
	out := make([]string, len(ts))
	for i, t := range ts {
		n, err := r.typeName(t)
		if err != nil {
			return nil, err
		}
		out[i] = n
	}
	return out, nil
}

// boundsSlice adds the check of x[lo:hi] or x[lo:hi:max].
func (r *rewriter) boundsSlice(b *boundsInfo, e *ast.SliceExpr) {
	if b.off || b.safe[e] {
		return
	}
	kind := r.indexKind(e.X)
	if kind == "" || r.trivialSlice(e, kind) {
		return
	}
	form := 0
	n := "len("
	if kind == "slice" {
		form |= sliceCap
		n = "cap("
	}
	if e.Slice3 {
		form |= sliceThree
	}
	val := func(x ast.Expr, dflt []any) []any {
		if x == nil {
			return dflt
		}
		return parts(x)
	}
	bound := parts(n, e.X, ")")
	lo := val(e.Low, parts("0"))
	hi := val(e.High, parts("len(", e.X, ")"))
	mx := val(e.Max, bound)
	if s, ok := b.hoist[e]; ok {
		var cond []any
		switch {
		case e.Slice3:
			cond = cat(parts("uint("), mx, parts(") > uint("), bound, parts(") || uint("), hi, parts(") > uint("), mx, parts(")"))
			if e.Low != nil {
				cond = cat(cond, parts(" || uint("), lo, parts(") > uint("), hi, parts(")"))
			}
		case e.High == nil:
			cond = cat(parts("uint("), lo, parts(") > uint("), hi, parts(")"))
		case e.Low == nil:
			cond = cat(parts("uint("), hi, parts(") > uint("), bound, parts(")"))
		default:
			cond = cat(parts("uint("), hi, parts(") > uint("), bound, parts(") || uint("), lo, parts(") > uint("), hi, parts(")"))
		}
		call := cat(parts(fmt.Sprintf(" { %s.PanicSlice(%d, int64(", rtName, form)), lo, parts("), int64("), hi,
			parts("), int64("), mx, parts("), "), bound, parts(") }; "))
		r.insertParts(s.Pos(), 10+b.order[e], cat(parts("if "), cond, call))
		return
	}
	// In place: the last index becomes a call that checks all of them;
	// the others are evaluated twice, so they and x must be pure.
	last := e.Low
	switch {
	case e.Slice3:
		last = e.Max
		form |= sliceRetMax
	case e.High != nil:
		last = e.High
		form |= sliceRetHi
	}
	if !r.pure(e.X) || e.Low != last && !r.pure(e.Low) || e.High != last && !r.pure(e.High) {
		return // left to yaegi
	}
	r.replace(last.Pos(), last.End(), func() []any {
		return cat(parts(fmt.Sprintf("%s.Slice(%d, int(", rtName, form)), lo, parts("), int("), hi, parts("), int("), mx,
			parts("), "), bound, parts(")"))
	})
}

// trivialSlice reports whether x[lo:hi:max] needs no check: constant
// indices into an array, which the type checker proved, or x[:], x[0:],
// x[:0] and x[0:0].
func (r *rewriter) trivialSlice(e *ast.SliceExpr, kind string) bool {
	isZero := func(x ast.Expr) bool {
		if x == nil {
			return true
		}
		tv := r.p.info.Types[x]
		return tv.Value != nil && constant.Sign(tv.Value) == 0
	}
	if kind == "array" && r.allConst(e.Low, e.High, e.Max) {
		return true
	}
	return !e.Slice3 && isZero(e.Low) && (e.High == nil || isZero(e.High))
}

func (r *rewriter) allConst(es ...ast.Expr) bool {
	for _, e := range es {
		if e != nil && !r.isConst(e) {
			return false
		}
	}
	return true
}

// cat concatenates edit parts.
func cat(ps ...[]any) []any {
	var out []any
	for _, p := range ps {
		out = append(out, p...)
	}
	return out
}
