package runner

import (
	"fmt"
	"go/constant"
	"go/token"
	"go/types"
	"path"
	"reflect"
	"sort"
	"strings"
	"sync"

	"github.com/traefik/yaegi/interp"
)

// A universe is the set of go/types packages a learner's program can import,
// built from one interp.Exports by reflection (no Go toolchain is needed at
// run time) plus the generic stub packages. It is immutable once built and
// shared by every check that uses the same symbol maps: building fmt and its
// dependencies costs milliseconds, so it is done once per process.
//
// Reflection loses a few facts, which the universe accepts:
//   - parameter names (signatures print as func(string, ...any));
//   - unexported methods of non-interface types;
//   - untyped rune constants, which yaegi stores as untyped ints (the few
//     known ones are restored by runeConsts).
type universe struct {
	pkgs map[string]*types.Package // by import path; only importable ones
}

// Import implements types.Importer.
func (u *universe) Import(p string) (*types.Package, error) {
	if pkg, ok := u.pkgs[p]; ok {
		return pkg, nil
	}
	return nil, fmt.Errorf("package %s is not available", p)
}

var universes struct {
	sync.Mutex
	m map[string]*universe
}

// universeFor returns the cached universe for the allowed stdlib packages
// plus the shadowed packages found in shadow, building it on first use.
func universeFor(shadow interp.Exports) *universe {
	if shadow == nil {
		return sourceUniverse()
	}
	sh := shadowExports(shadow)
	keys := make([]string, 0, len(sh))
	for k, m := range sh {
		keys = append(keys, fmt.Sprintf("%s@%x", k, mapIdentity(m)))
	}
	sort.Strings(keys)
	id := strings.Join(keys, ",")

	universes.Lock()
	defer universes.Unlock()
	if u, ok := universes.m[id]; ok {
		return u
	}
	exports := stdlibExports()
	for k, m := range sh {
		exports[k] = m
	}
	u := buildUniverse(exports)
	if universes.m == nil {
		universes.m = map[string]*universe{}
	}
	universes.m[id] = u
	return u
}

// buildUniverse converts every package of exports, then adds the stubs.
func buildUniverse(exports interp.Exports) *universe {
	b := &reflectBuilder{
		owner: map[reflect.Type]typeOwner{},
		conv:  map[reflect.Type]types.Type{},
		pkgs:  map[string]*types.Package{},
	}
	keys := make([]string, 0, len(exports))
	for k := range exports {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	// Create the packages and record who exports each named type first, so
	// that a type is owned by the package that exports it under its name
	// (a shadow sync.WaitGroup may be a Go type of another package).
	for _, k := range keys {
		p, name := splitExportKey(k)
		b.pkgs[p] = types.NewPackage(p, name)
		for _, sym := range sortedNames(exports[k]) {
			v := exports[k][sym]
			if isTypeDef(sym, v) {
				if _, seen := b.owner[v.Type().Elem()]; !seen {
					b.owner[v.Type().Elem()] = typeOwner{p, sym}
				}
			}
		}
	}
	u := &universe{pkgs: map[string]*types.Package{}}
	for _, k := range keys {
		p, _ := splitExportKey(k)
		b.fill(b.pkgs[p], exports[k])
		u.pkgs[p] = b.pkgs[p]
	}
	for p, pkg := range stubPackages() {
		u.pkgs[p] = pkg
	}
	return u
}

// typeOwner is the package path and name under which a type is exported.
type typeOwner struct{ path, name string }

// reflectBuilder converts reflect types to go/types types. Each reflect type
// maps to exactly one go/types type, so identity is preserved.
type reflectBuilder struct {
	owner map[reflect.Type]typeOwner
	conv  map[reflect.Type]types.Type
	pkgs  map[string]*types.Package
}

func sortedNames(m map[string]reflect.Value) []string {
	names := make([]string, 0, len(m))
	for n := range m {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

// isTypeDef reports whether a symbol is a type definition, which yaegi
// exports as a nil pointer to the type: reflect.ValueOf((*T)(nil)).
// Names starting with "_" are yaegi's interface wrappers, not user symbols.
func isTypeDef(name string, v reflect.Value) bool {
	return !strings.HasPrefix(name, "_") && v.IsValid() && v.Kind() == reflect.Pointer &&
		v.IsNil() && !v.CanAddr()
}

// runeConsts lists the untyped rune constants of the allowed packages,
// which yaegi stores as untyped ints.
var runeConsts = map[string]bool{
	"unicode.MaxRune": true, "unicode.ReplacementChar": true, "unicode.MaxASCII": true,
	"unicode.MaxLatin1": true, "unicode/utf8.RuneError": true, "unicode/utf8.MaxRune": true,
}

var constantValueType = reflect.TypeOf((*constant.Value)(nil)).Elem()

// fill declares every exported symbol of syms in pkg's scope.
func (b *reflectBuilder) fill(pkg *types.Package, syms map[string]reflect.Value) {
	scope := pkg.Scope()
	for _, name := range sortedNames(syms) {
		v := syms[name]
		if strings.HasPrefix(name, "_") || !v.IsValid() || !token.IsExported(name) {
			continue
		}
		var obj types.Object
		switch {
		case isTypeDef(name, v):
			t := b.typ(v.Type().Elem())
			if n, ok := t.(*types.Named); ok && n.Obj().Pkg() == pkg && n.Obj().Name() == name {
				obj = n.Obj()
			} else {
				obj = types.NewTypeName(token.NoPos, pkg, name, t) // an alias
			}
		case v.Type().Implements(constantValueType) && v.CanInterface():
			cv, _ := v.Interface().(constant.Value)
			if cv == nil {
				continue
			}
			obj = types.NewConst(token.NoPos, pkg, name, untypedOf(pkg.Path()+"."+name, cv), cv)
		case v.CanAddr():
			obj = types.NewVar(token.NoPos, pkg, name, b.typ(v.Type()))
		case v.Kind() == reflect.Func:
			sig := b.signature(nil, v.Type(), 0)
			obj = types.NewFunc(token.NoPos, pkg, name, sig)
		default:
			if cv := typedConst(v); cv != nil {
				obj = types.NewConst(token.NoPos, pkg, name, b.typ(v.Type()), cv)
			} else {
				obj = types.NewVar(token.NoPos, pkg, name, b.typ(v.Type()))
			}
		}
		scope.Insert(obj)
	}
	pkg.MarkComplete()
}

func untypedOf(qualified string, cv constant.Value) types.Type {
	switch cv.Kind() {
	case constant.Bool:
		return types.Typ[types.UntypedBool]
	case constant.String:
		return types.Typ[types.UntypedString]
	case constant.Float:
		return types.Typ[types.UntypedFloat]
	case constant.Complex:
		return types.Typ[types.UntypedComplex]
	}
	if runeConsts[qualified] {
		return types.Typ[types.UntypedRune]
	}
	return types.Typ[types.UntypedInt]
}

// typedConst returns the constant value of a typed constant export such as
// time.Second (a plain, non-addressable value of a basic kind), or nil.
func typedConst(v reflect.Value) constant.Value {
	switch v.Kind() {
	case reflect.Bool:
		return constant.MakeBool(v.Bool())
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return constant.MakeInt64(v.Int())
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		return constant.MakeUint64(v.Uint())
	case reflect.Float32, reflect.Float64:
		return constant.MakeFloat64(v.Float())
	case reflect.String:
		return constant.MakeString(v.String())
	}
	return nil
}

// pkg returns the package for an import path, creating a placeholder for
// packages that are not importable but whose types appear in signatures
// (io.Writer in fmt.Fprintln).
func (b *reflectBuilder) pkg(p string) *types.Package {
	if pkg, ok := b.pkgs[p]; ok {
		return pkg
	}
	pkg := types.NewPackage(p, path.Base(p))
	pkg.MarkComplete()
	b.pkgs[p] = pkg
	return pkg
}

var basicKinds = map[reflect.Kind]types.BasicKind{
	reflect.Bool: types.Bool, reflect.Int: types.Int, reflect.Int8: types.Int8,
	reflect.Int16: types.Int16, reflect.Int32: types.Int32, reflect.Int64: types.Int64,
	reflect.Uint: types.Uint, reflect.Uint8: types.Uint8, reflect.Uint16: types.Uint16,
	reflect.Uint32: types.Uint32, reflect.Uint64: types.Uint64, reflect.Uintptr: types.Uintptr,
	reflect.Float32: types.Float32, reflect.Float64: types.Float64,
	reflect.Complex64: types.Complex64, reflect.Complex128: types.Complex128,
	reflect.String: types.String, reflect.UnsafePointer: types.UnsafePointer,
}

var errorReflectType = reflect.TypeOf((*error)(nil)).Elem()

// typ converts t, sharing one go/types type per reflect type.
func (b *reflectBuilder) typ(t reflect.Type) types.Type {
	if tt, ok := b.conv[t]; ok {
		return tt
	}
	if t == errorReflectType {
		return types.Universe.Lookup("error").Type()
	}
	if t.Name() != "" && t.PkgPath() == "" {
		if k, ok := basicKinds[t.Kind()]; ok {
			return types.Typ[k] // int, string, byte is uint8...
		}
	}
	if t.Name() != "" {
		return b.named(t)
	}
	if t.Kind() == reflect.Interface && t.NumMethod() == 0 {
		return types.Universe.Lookup("any").Type() // prints as "any", like gc
	}
	tt := b.structure(t, nil)
	b.conv[t] = tt
	return tt
}

// named converts a defined type: the Named is registered before its
// underlying type and methods are built, so recursive types terminate.
func (b *reflectBuilder) named(t reflect.Type) types.Type {
	own, ok := b.owner[t]
	if !ok {
		own = typeOwner{t.PkgPath(), t.Name()}
	}
	pkg := b.pkg(own.path)
	obj := types.NewTypeName(token.NoPos, pkg, own.name, nil)
	n := types.NewNamed(obj, nil, nil)
	b.conv[t] = n
	n.SetUnderlying(b.structure(t, pkg))
	if t.Kind() == reflect.Interface {
		return n
	}
	pt := reflect.PointerTo(t)
	for i := 0; i < pt.NumMethod(); i++ {
		m := pt.Method(i)
		var recv types.Type = types.NewPointer(n)
		if _, byValue := t.MethodByName(m.Name); byValue {
			recv = n
		}
		rv := types.NewParam(token.NoPos, pkg, "", recv)
		n.AddMethod(types.NewFunc(token.NoPos, pkg, m.Name, b.signature(rv, m.Type, 1)))
	}
	return n
}

// structure builds the type literal of t's kind (the underlying type when t
// is a defined type). pkg is the package of the defined type, if any.
func (b *reflectBuilder) structure(t reflect.Type, pkg *types.Package) types.Type {
	if k, ok := basicKinds[t.Kind()]; ok {
		return types.Typ[k]
	}
	switch t.Kind() {
	case reflect.Pointer:
		return types.NewPointer(b.typ(t.Elem()))
	case reflect.Slice:
		return types.NewSlice(b.typ(t.Elem()))
	case reflect.Array:
		return types.NewArray(b.typ(t.Elem()), int64(t.Len()))
	case reflect.Map:
		return types.NewMap(b.typ(t.Key()), b.typ(t.Elem()))
	case reflect.Chan:
		dir := types.SendRecv
		switch t.ChanDir() {
		case reflect.SendDir:
			dir = types.SendOnly
		case reflect.RecvDir:
			dir = types.RecvOnly
		}
		return types.NewChan(dir, b.typ(t.Elem()))
	case reflect.Func:
		return b.signature(nil, t, 0)
	case reflect.Struct:
		return b.structType(t)
	case reflect.Interface:
		return b.interfaceType(t)
	}
	// Unreachable for the kinds reflect defines; an invalid type would only
	// make uses of the symbol fail to type-check.
	return types.Typ[types.Invalid]
}

func (b *reflectBuilder) structType(t reflect.Type) types.Type {
	fields := make([]*types.Var, t.NumField())
	tags := make([]string, t.NumField())
	for i := range fields {
		f := t.Field(i)
		var fp *types.Package
		if f.PkgPath != "" {
			fp = b.pkg(f.PkgPath)
		}
		fields[i] = types.NewField(token.NoPos, fp, f.Name, b.typ(f.Type), f.Anonymous)
		tags[i] = string(f.Tag)
	}
	return types.NewStruct(fields, tags)
}

func (b *reflectBuilder) interfaceType(t reflect.Type) types.Type {
	methods := make([]*types.Func, t.NumMethod())
	for i := range methods {
		m := t.Method(i)
		var mp *types.Package
		if m.PkgPath != "" {
			mp = b.pkg(m.PkgPath)
		}
		methods[i] = types.NewFunc(token.NoPos, mp, m.Name, b.signature(nil, m.Type, 0))
	}
	return types.NewInterfaceType(methods, nil).Complete()
}

// signature converts a func type, skipping its first skip inputs (the
// receiver of a reflect.Method).
func (b *reflectBuilder) signature(recv *types.Var, t reflect.Type, skip int) *types.Signature {
	var params, results []*types.Var
	for i := skip; i < t.NumIn(); i++ {
		params = append(params, types.NewParam(token.NoPos, nil, "", b.typ(t.In(i))))
	}
	for i := 0; i < t.NumOut(); i++ {
		results = append(results, types.NewParam(token.NoPos, nil, "", b.typ(t.Out(i))))
	}
	return types.NewSignatureType(recv, nil, nil, types.NewTuple(params...), types.NewTuple(results...), t.IsVariadic())
}
