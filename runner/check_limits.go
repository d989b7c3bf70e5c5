package runner

import (
	"go/ast"
	"go/token"
	"go/types"
	"sort"
)

// Checks gc makes that go/types does not, and programs yaegi v0.16.1
// cannot even load: both would otherwise crash the interpreter (a panic
// in its compiler, or a real stack overflow of the host) instead of
// giving the learner a line to look at.

// maxChanElem is gc's bound on a channel's element size: an element of
// 64 kB or more is a compile error (cmd/compile/internal/types/size.go,
// CalcSize of TCHAN). reflect.ChanOf panics on it too.
const maxChanElem = 1 << 16

// checkChanElems reports each declared name whose type holds a channel
// of too large an element, where gc reports it: at the variable, the
// function or the type that mentions it.
func checkChanElems(p *program, errs *errList) {
	// gc reports a function, not its parameters.
	params := map[*ast.Ident]bool{}
	ast.Inspect(p.file, func(n ast.Node) bool {
		if ft, ok := n.(*ast.FuncType); ok {
			for _, fl := range []*ast.FieldList{ft.Params, ft.Results} {
				for _, f := range fieldList(fl) {
					for _, id := range f.Names {
						params[id] = true
					}
				}
			}
		}
		return true
	})
	var at []token.Pos
	for id, obj := range p.info.Defs {
		if obj == nil || obj.Pkg() != p.pkg || params[id] {
			continue
		}
		switch obj.(type) {
		case *types.Var, *types.Func, *types.TypeName:
		default:
			continue
		}
		t := obj.Type()
		if tn, ok := obj.(*types.TypeName); ok {
			t = tn.Type().Underlying()
		}
		if bigChan(t, map[types.Type]bool{}) {
			at = append(at, id.Pos())
		}
	}
	// An expression no declaration names: fmt.Println(make(chan Big)).
	if len(at) == 0 {
		for e, tv := range p.info.Types {
			if _, ok := e.(*ast.CallExpr); ok && bigChan(tv.Type, map[types.Type]bool{}) {
				at = append(at, e.Pos())
			}
		}
	}
	sort.Slice(at, func(i, j int) bool { return at[i] < at[j] })
	for i, pos := range at {
		if i == 0 || at[i-1] != pos {
			errs.at(pos, "channel element type too large (>64kB)")
		}
	}
}

// bigChan reports whether t is or holds (in a signature, a composite
// type or a field) a channel whose element is too large.
func bigChan(t types.Type, seen map[types.Type]bool) bool {
	if t == nil || seen[t] {
		return false
	}
	seen[t] = true
	switch u := t.(type) {
	case *types.Named:
		return bigChan(u.Underlying(), seen)
	case *types.Chan:
		return sizeOf(u.Elem()) >= maxChanElem || bigChan(u.Elem(), seen)
	case *types.Pointer:
		return bigChan(u.Elem(), seen)
	case *types.Slice:
		return bigChan(u.Elem(), seen)
	case *types.Array:
		return bigChan(u.Elem(), seen)
	case *types.Map:
		return bigChan(u.Key(), seen) || bigChan(u.Elem(), seen)
	case *types.Struct:
		for i := 0; i < u.NumFields(); i++ {
			if bigChan(u.Field(i).Type(), seen) {
				return true
			}
		}
	case *types.Signature:
		for _, tup := range []*types.Tuple{u.Params(), u.Results()} {
			for i := 0; i < tup.Len(); i++ {
				if bigChan(tup.At(i).Type(), seen) {
					return true
				}
			}
		}
	}
	return false
}

// checkGenericCycles refuses generic types that refer to each other
// (type A[T any] struct{ b *B[T] }; type B[T any] struct{ a *A[T] }):
// yaegi v0.16.1 instantiates them without end and the process dies of a
// real stack overflow. A generic type that refers only to itself
// (type List[T any] struct{ next *List[T] }) runs.
func checkGenericCycles(p *program, errs *errList) {
	refs := map[*types.TypeName][]*types.TypeName{}
	var order []*types.TypeName
	for _, d := range p.file.Decls {
		gd, ok := d.(*ast.GenDecl)
		if !ok || gd.Tok != token.TYPE {
			continue
		}
		for _, s := range gd.Specs {
			ts := s.(*ast.TypeSpec)
			tn, ok := p.info.Defs[ts.Name].(*types.TypeName)
			if !ok {
				continue
			}
			if ts.TypeParams == nil {
				continue
			}
			order = append(order, tn)
			ast.Inspect(ts.Type, func(n ast.Node) bool {
				if id, ok := n.(*ast.Ident); ok {
					if u, ok := p.info.Uses[id].(*types.TypeName); ok && u != tn && isGeneric(u) {
						refs[tn] = append(refs[tn], u)
					}
				}
				return true
			})
		}
	}
	for _, tn := range order {
		if other := reachesBack(tn, refs); other != nil {
			errs.at(tn.Pos(), "generic types %s and %s refer to each other: not supported by the runner", tn.Name(), other.Name())
		}
	}
}

// reachesBack returns a generic type through which tn's definition
// leads back to tn, or nil.
func reachesBack(tn *types.TypeName, refs map[*types.TypeName][]*types.TypeName) *types.TypeName {
	for _, first := range refs[tn] {
		seen := map[*types.TypeName]bool{}
		stack := []*types.TypeName{first}
		for len(stack) > 0 {
			n := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			if n == tn {
				return first
			}
			if !seen[n] {
				seen[n] = true
				stack = append(stack, refs[n]...)
			}
		}
	}
	return nil
}

func fieldList(fl *ast.FieldList) []*ast.Field {
	if fl == nil {
		return nil
	}
	return fl.List
}

// isGeneric reports whether tn is a generic type of the program.
func isGeneric(tn *types.TypeName) bool {
	n, ok := tn.Type().(*types.Named)
	return ok && n.TypeParams().Len() > 0 && tn.Parent() == tn.Pkg().Scope()
}
