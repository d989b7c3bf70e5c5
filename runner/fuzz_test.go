package runner

import (
	"errors"
	"go/ast"
	"go/parser"
	"go/token"
	"go/types"
	"os"
	"path/filepath"
	"sync"
	"testing"
)

// rewrittenUniverse is what a rewritten program is type-checked against:
// the learner's packages plus the shim's API (from the direct shim, which
// has the real shim's signatures).
var rewrittenUniverse = sync.OnceValue(func() *universe {
	exports := stdlibExports()
	for k, v := range feShadow() {
		exports[k] = v
	}
	for k, v := range (&directShim{}).exports() {
		exports[k] = v
	}
	u := buildUniverse(exports)
	addGeneric(u.pkgs["sync"], genericSync)
	return u
})

// genericSync declares the shadow sync's generic functions, which the
// reflection that feShadow describes sync with cannot export.
const genericSync = `package sync
func OnceValue[T any](f func() T) func() T { return nil }
func OnceValues[T1, T2 any](f func() (T1, T2)) func() (T1, T2) { return nil }
`

// addGeneric type-checks src and adds its functions to pkg's scope.
func addGeneric(pkg *types.Package, src string) {
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "generic.go", src, 0)
	if err != nil {
		panic(err)
	}
	p, err := (&types.Config{}).Check(pkg.Path(), fset, []*ast.File{f}, nil)
	if err != nil {
		panic(err)
	}
	for _, name := range p.Scope().Names() {
		fn := p.Scope().Lookup(name).(*types.Func)
		pkg.Scope().Insert(types.NewFunc(fn.Pos(), pkg, name, fn.Type().(*types.Signature)))
	}
}

// checkRewritten parses and type-checks a rewritten program.
func checkRewritten(filename string, src []byte) error {
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, filename, src, parser.ParseComments)
	if err != nil {
		return err
	}
	var errs []error
	conf := types.Config{
		GoVersion: goVersion,
		Importer:  rewrittenUniverse(),
		Error:     func(err error) { errs = append(errs, err) },
	}
	conf.Check("main", fset, []*ast.File{f}, nil)
	return errors.Join(errs...)
}

// fuzzSeeds are the programs of the fidelity corpus and of the front end's
// own tests.
func fuzzSeeds(t testing.TB) [][]byte {
	var out [][]byte
	for _, glob := range []string{"testdata/fidelity/*.go", "testdata/fidelity/*/*.go", "testdata/frontend/*.go"} {
		names, _ := filepath.Glob(glob)
		for _, name := range names {
			src, err := os.ReadFile(name)
			if err != nil {
				t.Fatal(err)
			}
			out = append(out, src)
		}
	}
	return out
}

// FuzzRewrite checks that any program either rewrites to source that
// parses and type-checks, or gets a clean *CompileError; never a panic and
// never an internal error.
func FuzzRewrite(f *testing.F) {
	for _, src := range fuzzSeeds(f) {
		f.Add(src)
	}
	for _, src := range refusedPrograms {
		f.Add([]byte(src.src))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		prep, err := Prepare("prog.go", src, feShadow())
		if err != nil {
			var ce *CompileError
			if !errors.As(err, &ce) {
				t.Fatalf("Prepare: %v (not a *CompileError)\n%s", err, src)
			}
			if len(ce.Errors) == 0 {
				t.Fatalf("Prepare: empty CompileError")
			}
			return
		}
		if err := checkRewritten("prog.go", prep.Source); err != nil {
			t.Fatalf("rewritten program does not type-check: %v\n%s", err, numberLines(prep.Source))
		}
	})
}

// TestSeedsRewrite runs every seed program through Prepare and checks the
// rewritten source, so the corpus is covered by a plain go test.
func TestSeedsRewrite(t *testing.T) {
	seeds := fuzzSeeds(t)
	if len(seeds) < 10 {
		t.Fatalf("only %d seed programs", len(seeds))
	}
	for _, src := range seeds {
		prep, err := Prepare("prog.go", src, nil) // the shadow sources, as Run: sync.OnceValue is generic
		if err != nil {
			t.Errorf("Prepare: %v\n%s", err, src)
			continue
		}
		if err := checkRewritten("prog.go", prep.Source); err != nil {
			t.Errorf("rewritten program does not type-check: %v\n%s", err, numberLines(prep.Source))
		}
	}
}

// prepare50 is a typical 50-line lesson program: a worker pool with a
// WaitGroup, a results channel, select with a timeout and a closure.
const prepare50 = `package main

import (
	"fmt"
	"sync"
	"time"
)

type job struct {
	id   int
	cost time.Duration
}

type result struct {
	id, worker int
}

func worker(id int, jobs <-chan job, results chan<- result, wg *sync.WaitGroup) {
	defer wg.Done()
	for j := range jobs {
		time.Sleep(j.cost)
		results <- result{j.id, id}
	}
}

func main() {
	jobs := make(chan job, 10)
	results := make(chan result, 10)
	var wg sync.WaitGroup
	for w := 1; w <= 3; w++ {
		wg.Add(1)
		go worker(w, jobs, results, &wg)
	}
	for i := 0; i < 9; i++ {
		jobs <- job{i, time.Duration(i%3+1) * time.Millisecond}
	}
	close(jobs)
	go func() {
		wg.Wait()
		close(results)
	}()
	count := map[int]int{}
	for {
		select {
		case r, ok := <-results:
			if !ok {
				fmt.Println("done:", len(count), "workers busy")
				return
			}
			count[r.worker]++
		case <-time.After(time.Second):
			fmt.Println("timeout")
			return
		}
	}
}
`

// BenchmarkPrepare measures check plus rewrite of a 50-line program, with
// the package universe already built (it is built once per process).
func BenchmarkPrepare(b *testing.B) {
	src := []byte(prepare50)
	shadow := feShadow()
	if _, err := Prepare("prog.go", src, shadow); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Prepare("prog.go", src, shadow); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkCheck measures parse plus type-check alone.
func BenchmarkCheck(b *testing.B) {
	src := []byte(prepare50)
	shadow := feShadow()
	b.ReportAllocs()
	for b.Loop() {
		if _, err := check("prog.go", src, shadow); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkUniverse measures building the packages from reflection, which
// happens once per process and set of shadow symbols.
func BenchmarkUniverse(b *testing.B) {
	exports := stdlibExports()
	for k, v := range feShadow() {
		exports[k] = v
	}
	for b.Loop() {
		buildUniverse(exports)
	}
}
