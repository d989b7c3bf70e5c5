package runner

import (
	"go/ast"
	"go/parser"
	"go/token"
	"go/types"
	"sync"
)

// stubSources are the exported API of the generic standard packages that
// yaegi cannot import through reflection, with the real signatures and
// constraints (copied from Go 1.26's src/{cmp,iter,maps,slices}, bodies
// replaced by panic(0); TestStubsMatchGOROOT keeps them in sync). They exist
// only for type-checking: the rewriter turns every supported call into an
// emitted helper and refuses the others, so yaegi never sees these packages.
// iter is a dependency of the others and is not importable by learners.
var stubSources = map[string]string{
	"cmp": `package cmp
func Compare[T Ordered](x, y T) int { panic(0) }
func Less[T Ordered](x, y T) bool { panic(0) }
func Or[T comparable](vals ...T) T { panic(0) }
type Ordered interface {
	~int | ~int8 | ~int16 | ~int32 | ~int64 |
		~uint | ~uint8 | ~uint16 | ~uint32 | ~uint64 | ~uintptr |
		~float32 | ~float64 |
		~string
}
`,
	"iter": `package iter
func Pull2[K, V any](seq Seq2[K, V]) (next func() (K, V, bool), stop func()) { panic(0) }
func Pull[V any](seq Seq[V]) (next func() (V, bool), stop func()) { panic(0) }
type Seq2[K, V any] func(yield func(K, V) bool)
type Seq[V any] func(yield func(V) bool)
`,
	"maps": `package maps
import "iter"
func All[Map ~map[K]V, K comparable, V any](m Map) iter.Seq2[K, V] { panic(0) }
func Clone[M ~map[K]V, K comparable, V any](m M) M { panic(0) }
func Collect[K comparable, V any](seq iter.Seq2[K, V]) map[K]V { panic(0) }
func Copy[M1 ~map[K]V, M2 ~map[K]V, K comparable, V any](dst M1, src M2) { panic(0) }
func DeleteFunc[M ~map[K]V, K comparable, V any](m M, del func(K, V) bool) { panic(0) }
func EqualFunc[M1 ~map[K]V1, M2 ~map[K]V2, K comparable, V1, V2 any](m1 M1, m2 M2, eq func(V1, V2) bool) bool { panic(0) }
func Equal[M1, M2 ~map[K]V, K, V comparable](m1 M1, m2 M2) bool { panic(0) }
func Insert[Map ~map[K]V, K comparable, V any](m Map, seq iter.Seq2[K, V]) { panic(0) }
func Keys[Map ~map[K]V, K comparable, V any](m Map) iter.Seq[K] { panic(0) }
func Values[Map ~map[K]V, K comparable, V any](m Map) iter.Seq[V] { panic(0) }
`,
	"slices": `package slices
import "cmp"
import "iter"
func All[Slice ~[]E, E any](s Slice) iter.Seq2[int, E] { panic(0) }
func AppendSeq[Slice ~[]E, E any](s Slice, seq iter.Seq[E]) Slice { panic(0) }
func Backward[Slice ~[]E, E any](s Slice) iter.Seq2[int, E] { panic(0) }
func BinarySearchFunc[S ~[]E, E, T any](x S, target T, cmp func(E, T) int) (int, bool) { panic(0) }
func BinarySearch[S ~[]E, E cmp.Ordered](x S, target E) (int, bool) { panic(0) }
func Chunk[Slice ~[]E, E any](s Slice, n int) iter.Seq[Slice] { panic(0) }
func Clip[S ~[]E, E any](s S) S { panic(0) }
func Clone[S ~[]E, E any](s S) S { panic(0) }
func Collect[E any](seq iter.Seq[E]) []E { panic(0) }
func CompactFunc[S ~[]E, E any](s S, eq func(E, E) bool) S { panic(0) }
func Compact[S ~[]E, E comparable](s S) S { panic(0) }
func CompareFunc[S1 ~[]E1, S2 ~[]E2, E1, E2 any](s1 S1, s2 S2, cmp func(E1, E2) int) int { panic(0) }
func Compare[S ~[]E, E cmp.Ordered](s1, s2 S) int { panic(0) }
func Concat[S ~[]E, E any](slices ...S) S { panic(0) }
func ContainsFunc[S ~[]E, E any](s S, f func(E) bool) bool { panic(0) }
func Contains[S ~[]E, E comparable](s S, v E) bool { panic(0) }
func DeleteFunc[S ~[]E, E any](s S, del func(E) bool) S { panic(0) }
func Delete[S ~[]E, E any](s S, i, j int) S { panic(0) }
func EqualFunc[S1 ~[]E1, S2 ~[]E2, E1, E2 any](s1 S1, s2 S2, eq func(E1, E2) bool) bool { panic(0) }
func Equal[S ~[]E, E comparable](s1, s2 S) bool { panic(0) }
func Grow[S ~[]E, E any](s S, n int) S { panic(0) }
func IndexFunc[S ~[]E, E any](s S, f func(E) bool) int { panic(0) }
func Index[S ~[]E, E comparable](s S, v E) int { panic(0) }
func Insert[S ~[]E, E any](s S, i int, v ...E) S { panic(0) }
func IsSortedFunc[S ~[]E, E any](x S, cmp func(a, b E) int) bool { panic(0) }
func IsSorted[S ~[]E, E cmp.Ordered](x S) bool { panic(0) }
func MaxFunc[S ~[]E, E any](x S, cmp func(a, b E) int) E { panic(0) }
func Max[S ~[]E, E cmp.Ordered](x S) E { panic(0) }
func MinFunc[S ~[]E, E any](x S, cmp func(a, b E) int) E { panic(0) }
func Min[S ~[]E, E cmp.Ordered](x S) E { panic(0) }
func Repeat[S ~[]E, E any](x S, count int) S { panic(0) }
func Replace[S ~[]E, E any](s S, i, j int, v ...E) S { panic(0) }
func Reverse[S ~[]E, E any](s S) { panic(0) }
func SortFunc[S ~[]E, E any](x S, cmp func(a, b E) int) { panic(0) }
func SortStableFunc[S ~[]E, E any](x S, cmp func(a, b E) int) { panic(0) }
func Sort[S ~[]E, E cmp.Ordered](x S) { panic(0) }
func SortedFunc[E any](seq iter.Seq[E], cmp func(E, E) int) []E { panic(0) }
func SortedStableFunc[E any](seq iter.Seq[E], cmp func(E, E) int) []E { panic(0) }
func Sorted[E cmp.Ordered](seq iter.Seq[E]) []E { panic(0) }
func Values[Slice ~[]E, E any](s Slice) iter.Seq[E] { panic(0) }
`,
}

var stubs struct {
	once sync.Once
	pkgs map[string]*types.Package
}

// stubPackages type-checks the stub sources once per process. The stubs are
// constants of this package, so an error is a programmer error.
func stubPackages() map[string]*types.Package {
	stubs.once.Do(func() {
		stubs.pkgs = map[string]*types.Package{}
		for _, p := range []string{"cmp", "iter", "maps", "slices"} { // dependency order
			fset := token.NewFileSet()
			f, err := parser.ParseFile(fset, p+".go", stubSources[p], 0)
			if err != nil {
				panic("runner: bad stub " + p + ": " + err.Error())
			}
			conf := types.Config{Importer: stubImporter(stubs.pkgs)}
			pkg, err := conf.Check(p, fset, []*ast.File{f}, nil)
			if err != nil {
				panic("runner: bad stub " + p + ": " + err.Error())
			}
			stubs.pkgs[p] = pkg
		}
	})
	return stubs.pkgs
}

type stubImporter map[string]*types.Package

func (m stubImporter) Import(p string) (*types.Package, error) {
	if pkg, ok := m[p]; ok {
		return pkg, nil
	}
	return nil, &types.Error{Msg: "stub import " + p + " not found"}
}
