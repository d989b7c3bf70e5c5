package runner

import (
	"fmt"
	"go/ast"
	"go/types"
	"sort"
	"strings"
)

// Calls into slices, maps and cmp become helpers instantiated for the type
// arguments go/types inferred. Each helper follows the standard library's
// semantics, NaNs included; sorting goes through sort.Slice and
// sort.SliceStable, which run the same pattern-defeating quicksort as
// slices.SortFunc (both are generated from sort/gen_sort_variants.go), so
// elements that compare equal end in the same order as with the real
// slices package.

// stubGen builds the helper for a call, given the instantiation's type
// arguments spelled (n) and as types (ts).
type stubGen func(r *rewriter, n []string, ts []types.Type) helper

// lessExpr is cmp.Less for an ordered type: NaNs sort first.
func lessExpr(t types.Type, a, b string) string {
	if isFloat(t) {
		return fmt.Sprintf("(%s < %s || %s != %s && %s == %s)", a, b, a, a, b, b)
	}
	return a + " < " + b
}

// stubHelpers are the supported functions; the type arguments are in the
// order of the function's type parameters (Sort[S ~[]E, E cmp.Ordered]).
var stubHelpers = map[string]stubGen{
	"slices.Sort": func(r *rewriter, n []string, ts []types.Type) helper {
		return helper{sig: "(x " + n[0] + ")", body: fmt.Sprintf("{ %s.Slice(x, func(i, j int) bool { return %s }) }",
			r.pkgAlias("sort"), lessExpr(ts[1], "x[i]", "x[j]"))}
	},
	"slices.SortFunc": func(r *rewriter, n []string, ts []types.Type) helper {
		return helper{sig: fmt.Sprintf("(x %s, cmp func(a, b %s) int)", n[0], n[1]),
			body: fmt.Sprintf("{ %s.Slice(x, func(i, j int) bool { return cmp(x[i], x[j]) < 0 }) }", r.pkgAlias("sort"))}
	},
	"slices.SortStableFunc": func(r *rewriter, n []string, ts []types.Type) helper {
		return helper{sig: fmt.Sprintf("(x %s, cmp func(a, b %s) int)", n[0], n[1]),
			body: fmt.Sprintf("{ %s.SliceStable(x, func(i, j int) bool { return cmp(x[i], x[j]) < 0 }) }", r.pkgAlias("sort"))}
	},
	"slices.IsSorted": func(r *rewriter, n []string, ts []types.Type) helper {
		return helper{sig: "(x " + n[0] + ") bool",
			body: fmt.Sprintf("{ for i := len(x) - 1; i > 0; i-- { if %s { return false } }; return true }", lessExpr(ts[1], "x[i]", "x[i-1]"))}
	},
	"slices.Contains": func(r *rewriter, n []string, ts []types.Type) helper {
		return helper{sig: fmt.Sprintf("(s %s, v %s) bool", n[0], n[1]),
			body: "{ for i := range s { if v == s[i] { return true } }; return false }"}
	},
	"slices.ContainsFunc": func(r *rewriter, n []string, ts []types.Type) helper {
		return helper{sig: fmt.Sprintf("(s %s, f func(%s) bool) bool", n[0], n[1]),
			body: "{ for i := range s { if f(s[i]) { return true } }; return false }"}
	},
	"slices.Index": func(r *rewriter, n []string, ts []types.Type) helper {
		return helper{sig: fmt.Sprintf("(s %s, v %s) int", n[0], n[1]),
			body: "{ for i := range s { if v == s[i] { return i } }; return -1 }"}
	},
	"slices.IndexFunc": func(r *rewriter, n []string, ts []types.Type) helper {
		return helper{sig: fmt.Sprintf("(s %s, f func(%s) bool) int", n[0], n[1]),
			body: "{ for i := range s { if f(s[i]) { return i } }; return -1 }"}
	},
	"slices.Reverse": func(r *rewriter, n []string, ts []types.Type) helper {
		return helper{sig: "(s " + n[0] + ")",
			body: "{ for i, j := 0, len(s)-1; i < j; i, j = i+1, j-1 { s[i], s[j] = s[j], s[i] } }"}
	},
	"slices.Max": func(r *rewriter, n []string, ts []types.Type) helper {
		return sliceMinMax("max", n, ts)
	},
	"slices.Min": func(r *rewriter, n []string, ts []types.Type) helper {
		return sliceMinMax("min", n, ts)
	},
	"slices.Equal": func(r *rewriter, n []string, ts []types.Type) helper {
		return helper{sig: fmt.Sprintf("(s1, s2 %s) bool", n[0]),
			body: "{ if len(s1) != len(s2) { return false }; for i := range s1 { if s1[i] != s2[i] { return false } }; return true }"}
	},
	"slices.BinarySearch": func(r *rewriter, n []string, ts []types.Type) helper {
		nan := "false"
		if isFloat(ts[1]) {
			nan = "x[i] != x[i] && target != target"
		}
		return helper{sig: fmt.Sprintf("(x %s, target %s) (int, bool)", n[0], n[1]),
			body: fmt.Sprintf("{ i, j := 0, len(x); for i < j { h := int(uint(i+j) >> 1); if %s { i = h + 1 } else { j = h } }; return i, i < len(x) && (x[i] == target || %s) }",
				lessExpr(ts[1], "x[h]", "target"), nan)}
	},
	"slices.Clone": func(r *rewriter, n []string, ts []types.Type) helper {
		return helper{sig: fmt.Sprintf("(s %s) %s", n[0], n[0]), body: "{ return append(s[:0:0], s...) }"}
	},
	"maps.Clone": func(r *rewriter, n []string, ts []types.Type) helper {
		return helper{sig: fmt.Sprintf("(m %s) %s", n[0], n[0]),
			body: fmt.Sprintf("{ if m == nil { return nil }; r := make(%s, len(m)); for k, v := range m { r[k] = v }; return r }", n[0])}
	},
	"maps.Copy": func(r *rewriter, n []string, ts []types.Type) helper {
		return helper{sig: fmt.Sprintf("(dst %s, src %s)", n[0], n[1]), body: "{ for k, v := range src { dst[k] = v } }"}
	},
	"cmp.Compare": func(r *rewriter, n []string, ts []types.Type) helper {
		body := "{ if x < y { return -1 }; if x > y { return +1 }; return 0 }"
		if isFloat(ts[0]) {
			body = "{ xNaN, yNaN := x != x, y != y; if xNaN { if yNaN { return 0 }; return -1 }; if yNaN { return +1 }; if x < y { return -1 }; if x > y { return +1 }; return 0 }"
		}
		return helper{sig: fmt.Sprintf("(x, y %s) int", n[0]), body: body}
	},
	"cmp.Less": func(r *rewriter, n []string, ts []types.Type) helper {
		return helper{sig: fmt.Sprintf("(x, y %s) bool", n[0]), body: "{ return " + lessExpr(ts[0], "x", "y") + " }"}
	},
}

// sliceMinMax is slices.Max and slices.Min: the builtin's semantics per
// element (a NaN wins), and a panic on an empty slice.
func sliceMinMax(name string, n []string, ts []types.Type) helper {
	op := map[string]string{"min": "<", "max": ">"}[name]
	step := fmt.Sprintf("if y %s x { x = y }", op)
	if isFloat(ts[1]) {
		zero := "x == 0 && 1/x < 0"
		if name == "min" {
			zero = "y == 0 && 1/y < 0"
		}
		step = fmt.Sprintf("if x != x || y != y { return x + y }; if y %s x || y == x && %s { x = y }", op, zero)
	}
	return helper{sig: fmt.Sprintf("(s %s) %s", n[0], n[1]),
		body: fmt.Sprintf(`{ if len(s) < 1 { panic("slices.%s: empty list") }; x := s[0]; for _, y := range s[1:] { %s }; return x }`,
			strings.ToUpper(name[:1])+name[1:], step)}
}

// seqHelpers turn slices.Collect and slices.Sorted of maps.Keys or
// maps.Values (the common way to list a map) into one helper.
var seqHelpers = map[string]bool{
	"slices.Collect(maps.Keys)": true, "slices.Collect(maps.Values)": true,
	"slices.Sorted(maps.Keys)": true, "slices.Sorted(maps.Values)": true,
}

// supportedStubs lists the supported calls, for messages.
func supportedStubs() string {
	var names []string
	for k := range stubHelpers {
		names = append(names, k)
	}
	for k := range seqHelpers {
		names = append(names, k)
	}
	sort.Strings(names)
	return strings.Join(names, ", ")
}

// stubFunc returns the stub function a call's Fun names, and its
// instantiation.
func (r *rewriter) stubFunc(fun ast.Expr) (*types.Func, types.Instance, bool) {
	sel, ok := unparen(fun).(*ast.SelectorExpr)
	if !ok {
		return nil, types.Instance{}, false
	}
	f, ok := r.p.info.Uses[sel.Sel].(*types.Func)
	if !ok || f.Pkg() == nil || importKind(f.Pkg().Path()) != "stub" {
		return nil, types.Instance{}, false
	}
	return f, r.p.info.Instances[sel.Sel], true
}

// stubCall rewrites a call of slices, maps or cmp, or refuses it.
func (r *rewriter) stubCall(c *ast.CallExpr) {
	f, inst, ok := r.stubFunc(c.Fun)
	if !ok {
		r.refuse(c.Pos(), "explicit instantiation of %s is not supported by the runner", types.ExprString(c.Fun))
		return
	}
	key := f.Pkg().Path() + "." + f.Name()
	if key == "slices.Collect" || key == "slices.Sorted" {
		r.seqCall(c, key, inst)
		return
	}
	gen, ok := stubHelpers[key]
	if !ok || inst.TypeArgs == nil {
		r.refuse(c.Pos(), "%s is not supported by the runner (supported: %s)", key, supportedStubs())
		return
	}
	ts := make([]types.Type, inst.TypeArgs.Len())
	for i := range ts {
		ts[i] = inst.TypeArgs.At(i)
	}
	n, ok := r.names(c, key, ts...)
	if !ok {
		return
	}
	h := gen(r, n, ts)
	h.stem, h.types = strings.ReplaceAll(key, ".", "_"), ts
	r.handled[unparen(c.Fun)] = true
	r.callHelper(c, h, c.Args)
}

// seqCall rewrites slices.Collect(maps.Keys(m)) and its three siblings.
func (r *rewriter) seqCall(c *ast.CallExpr, key string, inst types.Instance) {
	var inner *ast.CallExpr
	innerKey := ""
	if len(c.Args) == 1 {
		inner, _ = unparen(c.Args[0]).(*ast.CallExpr)
	}
	if inner != nil {
		if f, _, ok := r.stubFunc(inner.Fun); ok {
			innerKey = f.Pkg().Path() + "." + f.Name()
		}
	}
	full := key + "(" + innerKey + ")"
	if !seqHelpers[full] || inner == nil || len(inner.Args) != 1 {
		r.refuse(c.Pos(), "%s is not supported by the runner (supported: %s)", full, supportedStubs())
		return
	}
	mt := r.typeOf(inner.Args[0])
	m, ok := coreType(mt).(*types.Map)
	if !ok {
		r.refuse(c.Pos(), "%s is not supported by the runner", full)
		return
	}
	elem, loop := m.Key(), "for k := range m { s = append(s, k) }"
	if innerKey == "maps.Values" {
		elem, loop = m.Elem(), "for _, v := range m { s = append(s, v) }"
	}
	n, ok := r.names(c, full, mt, elem)
	if !ok {
		return
	}
	sorting := ""
	if key == "slices.Sorted" {
		sorting = fmt.Sprintf(" %s.Slice(s, func(i, j int) bool { return %s });", r.pkgAlias("sort"), lessExpr(elem, "s[i]", "s[j]"))
	}
	r.handled[inner] = true
	r.handled[unparen(c.Fun)] = true
	r.handled[unparen(inner.Fun)] = true
	h := helper{stem: strings.NewReplacer(".", "_", "(", "_", ")", "").Replace(full),
		sig:   fmt.Sprintf("(m %s) []%s", n[0], n[1]),
		body:  fmt.Sprintf("{ var s []%s; %s;%s return s }", n[1], loop, sorting),
		types: []types.Type{mt}}
	r.callHelper(c, h, inner.Args)
}

// rangeIter rewrites a range over maps.Keys, maps.Values, maps.All,
// slices.Values or slices.All of a map or slice into a range over the map
// or slice itself, which yields the same values in the same order (any
// order, for a map). It reports whether it did.
func (r *rewriter) rangeIter(rs *ast.RangeStmt) bool {
	call, ok := unparen(rs.X).(*ast.CallExpr)
	if !ok || len(call.Args) != 1 {
		return false
	}
	f, _, ok := r.stubFunc(call.Fun)
	if !ok {
		return false
	}
	arg := call.Args[0]
	switch key := f.Pkg().Path() + "." + f.Name(); key {
	case "maps.Keys", "maps.All", "slices.All":
		r.replaceNode(rs.X, func() []any { return parts(arg) })
	case "maps.Values", "slices.Values":
		if rs.Key == nil {
			r.replaceNode(rs.X, func() []any { return parts(arg) })
		} else {
			tok := " " + rs.Tok.String() + " range "
			r.replace(rs.Key.Pos(), rs.X.End(), func() []any { return parts("_, ", rs.Key, tok, arg) })
		}
	default:
		return false
	}
	r.handled[call] = true
	r.handled[unparen(call.Fun)] = true
	return true
}

// stubSelector checks a reference to a stubbed package that no rewrite
// consumed: a function is refused (it is generic and cannot be a value in
// yaegi), a type such as cmp.Ordered keeps the package imported.
func (r *rewriter) stubSelector(sel *ast.SelectorExpr) {
	if r.handled[sel] {
		return
	}
	x, ok := sel.X.(*ast.Ident)
	if !ok {
		return
	}
	pn, ok := r.p.info.Uses[x].(*types.PkgName)
	if !ok || importKind(pn.Imported().Path()) != "stub" {
		return
	}
	if _, isFunc := r.p.info.Uses[sel.Sel].(*types.Func); isFunc {
		r.refuse(sel.Pos(), "%s is not supported by the runner here: only direct calls of %s", types.ExprString(sel), supportedStubs())
		return
	}
	r.stubKept[pn.Imported().Path()] = true
}

// stubImports drops the imports of stubbed packages that are no longer
// referenced, by making them blank imports (the shadow sources have an
// empty maps and slices and the real cmp, so a blank import resolves).
func (r *rewriter) stubImports() {
	for _, spec := range r.p.file.Imports {
		path := strings.Trim(spec.Path.Value, "`\"")
		if importKind(path) == "stub" && !r.stubKept[path] {
			r.replaceText(spec, "_ "+spec.Path.Value)
		}
	}
}

// explicitInst spells out the type arguments of a generic function of the
// program wherever go/types inferred them: yaegi v0.16.1 fails to infer
// them for a variadic T ("undefined type for T") and infers wrong types
// from a func argument, but runs explicit instantiations. A partial list
// (f[int] of f[T, U]) is completed.
func (r *rewriter) explicitInst(id *ast.Ident, inst types.Instance, stack []ast.Node) {
	f, ok := r.p.info.Uses[id].(*types.Func)
	if !ok || f.Pkg() != r.p.pkg || inst.TypeArgs == nil {
		return
	}
	var target ast.Node = id
	if len(stack) >= 2 {
		switch p := stack[len(stack)-2].(type) {
		case *ast.IndexExpr:
			if p.X != id {
				break
			}
			if inst.TypeArgs.Len() == 1 {
				return // already explicit
			}
			target = p
		case *ast.IndexListExpr:
			if p.X != id {
				break
			}
			if len(p.Indices) == inst.TypeArgs.Len() {
				return
			}
			target = p
		}
	}
	args := make([]string, inst.TypeArgs.Len())
	for i := range args {
		n, err := r.typeName(inst.TypeArgs.At(i))
		if err != nil {
			return // left to yaegi's inference
		}
		args[i] = n
	}
	text := id.Name + "[" + strings.Join(args, ", ") + "]"
	r.replaceText(target, text)
}
