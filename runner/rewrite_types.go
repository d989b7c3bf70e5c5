package runner

import (
	"errors"
	"go/ast"
	"go/token"
	"go/types"
)

// errUnnameable is returned by typeName for a type the rewritten program
// cannot spell, such as an unexported type of another package.
var errUnnameable = errors.New("type cannot be named")

// typeName spells t in the rewritten program. Types of other packages are
// qualified with an alias imported on the package clause line (__q_time),
// so a learner's variable named like a package cannot capture them.
func (r *rewriter) typeName(t types.Type) (string, error) {
	ok := true
	qual := func(pkg *types.Package) string {
		if pkg == r.p.pkg {
			return ""
		}
		if k := importKind(pkg.Path()); k != "stdlib" && k != "shadow" {
			ok = false
			return pkg.Name()
		}
		return r.pkgAlias(pkg.Path())
	}
	s := types.TypeString(t, qual)
	if !ok || !nameable(t, r.p.pkg, map[types.Type]bool{}) {
		return s, errUnnameable
	}
	return s, nil
}

// nameable reports whether every defined type in t is exported or declared
// in the learner's package.
func nameable(t types.Type, main *types.Package, seen map[types.Type]bool) bool {
	if seen[t] {
		return true
	}
	seen[t] = true
	switch t := t.(type) {
	case *types.Named:
		if o := t.Obj(); o.Pkg() != nil && o.Pkg() != main && !o.Exported() {
			return false
		}
		for i := 0; i < t.TypeArgs().Len(); i++ {
			if !nameable(t.TypeArgs().At(i), main, seen) {
				return false
			}
		}
		return true
	case *types.Pointer:
		return nameable(t.Elem(), main, seen)
	case *types.Slice:
		return nameable(t.Elem(), main, seen)
	case *types.Array:
		return nameable(t.Elem(), main, seen)
	case *types.Chan:
		return nameable(t.Elem(), main, seen)
	case *types.Map:
		return nameable(t.Key(), main, seen) && nameable(t.Elem(), main, seen)
	case *types.Signature:
		return nameable(t.Params(), main, seen) && nameable(t.Results(), main, seen)
	case *types.Tuple:
		for i := 0; i < t.Len(); i++ {
			if !nameable(t.At(i).Type(), main, seen) {
				return false
			}
		}
		return true
	case *types.Struct:
		for i := 0; i < t.NumFields(); i++ {
			f := t.Field(i)
			if !f.Exported() && f.Pkg() != main || !nameable(f.Type(), main, seen) {
				return false
			}
		}
		return true
	}
	return true
}

// typeOf returns the type of expression e.
func (r *rewriter) typeOf(e ast.Expr) types.Type { return r.p.info.TypeOf(e) }

// chanElem returns the element type of a channel-typed expression.
func (r *rewriter) chanElem(e ast.Expr) (types.Type, bool) {
	t := r.typeOf(e)
	if t == nil {
		return nil, false
	}
	if c, ok := coreType(t).(*types.Chan); ok {
		return c.Elem(), true
	}
	return nil, false
}

// coreType returns t's underlying type, or for a type parameter the single
// underlying type of its type set, or nil.
func coreType(t types.Type) types.Type {
	tp, ok := t.(*types.TypeParam)
	if !ok {
		return t.Underlying()
	}
	iface, _ := tp.Constraint().Underlying().(*types.Interface)
	if iface == nil {
		return nil
	}
	var core types.Type
	for i := 0; i < iface.NumEmbeddeds(); i++ {
		u, ok := iface.EmbeddedType(i).(*types.Union)
		if !ok || u.Len() != 1 {
			return nil
		}
		if core != nil && !types.Identical(core, u.Term(0).Type().Underlying()) {
			return nil
		}
		core = u.Term(0).Type().Underlying()
	}
	return core
}

// elemName names the element type of channel expression ch, refusing the
// operation at pos when it cannot.
func (r *rewriter) elemName(ch ast.Expr, pos token.Pos) (string, bool) {
	elem, ok := r.chanElem(ch)
	if !ok {
		r.refuse(pos, "channel operation on %s is not supported by the runner (the channel type must be known)", types.ExprString(ch))
		return "", false
	}
	name, err := r.typeName(elem)
	if err != nil {
		r.refuse(pos, "channel of %s is not supported by the runner: the element type cannot be named in the program", name)
		return "", false
	}
	return name, true
}
