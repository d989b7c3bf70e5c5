package runner

import (
	"embed"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"go/types"
	"io/fs"
	"path"
	"reflect"
	"sort"
	"strings"
	"sync"
	"testing/fstest"

	"github.com/gotour-gpm/gotour-gpm/runner/internal/stdsym"
	"github.com/traefik/yaegi/interp"
)

// The shadow packages (sync, time, runtime, runtime/debug, os, gpm) are Go
// source, interpreted by yaegi like the learner's code. They have the
// standard API and call the shim for everything that blocks or reads the
// clock. Being interpreted, their types behave exactly like the learner's:
// embedding a sync.Mutex or printing a time.Duration needs no special case.
//
//go:embed all:_shadow
var shadowSrc embed.FS

// shadowOrder lists the shadow packages so that each comes after the ones
// it imports.
var shadowOrder = []string{"sync", "runtime", "runtime/debug", "time", "context", "os", "gpm", "math/rand"}

// goPath is the GOPATH yaegi finds the shadow sources under.
const goPath = "_gp"

var shadowFS = sync.OnceValue(func() fstest.MapFS {
	m := fstest.MapFS{}
	fs.WalkDir(shadowSrc, "_shadow", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".go") {
			return err
		}
		data, err := shadowSrc.ReadFile(p)
		if err != nil {
			return err
		}
		m[path.Join(goPath, "src", strings.TrimPrefix(p, "_shadow/"))] = &fstest.MapFile{Data: data}
		return nil
	})
	return m
})

// newInterp builds a fresh interpreter for the run: the allowed compiled
// packages, the shim bound to this run, and the shadow sources.
//
// yaegi's Use, given the key "fmt/fmt", virtualizes fmt's Print functions
// (fixStdlib) and also compiles its interpreted generic stdlib (cmp, maps,
// slices: 650 lines, more than half of a small program's run time). The
// runner never uses those (rewrite_generic.go emits its own helpers), so it
// virtualizes fmt itself (runFmt) and exports fmt under "fmt//fmt", which
// yaegi's Use reads as import path "fmt" (path.Dir) without the check for
// "fmt/fmt".
func (r *run) newInterp() (*interp.Interpreter, error) {
	it := interp.New(interp.Options{
		Stdout:               r.stdout,
		Stderr:               unwindWriter{r}, // yaegi's lines for the functions a panic unwinds (traceback.go) // yaegi's own panic traces; the program's stderr goes through the shadow os
		GoPath:               goPath,
		SourcecodeFilesystem: shadowFS(),
	})
	fmtSyms, fmtTypes := r.runFmt()
	exports := stdlibExports()
	delete(exports, "fmt/fmt")
	exports[fmtExportKey] = fmtSyms
	// MapTypes tells yaegi which interfaces (error, fmt.Stringer, ...) the
	// arguments of compiled functions such as fmt.Println may implement, so
	// that the learner's String and Error methods are called.
	if err := it.Use(interp.Exports{".": {"MapTypes": reflect.ValueOf(fmtTypes)}}); err != nil {
		return nil, err
	}
	if err := it.Use(exports); err != nil {
		return nil, err
	}
	if err := it.Use(r.exports()); err != nil {
		return nil, err
	}
	return it, nil
}

// fmtExportKey is fmt's key in interp.Exports (see newInterp).
const fmtExportKey = "fmt//fmt"

// runFmt returns fmt's symbols with Print, Printf and Println writing to
// the run's stdout and the Scan functions reading an empty stdin, as
// yaegi's fixStdlib would make them, and the MapTypes for this run (the
// shared table plus the run's own Print functions).
func (r *run) runFmt() (map[string]reflect.Value, map[reflect.Value][]reflect.Type) {
	base := stdsym.Symbols["fmt/fmt"]
	syms := make(map[string]reflect.Value, len(base))
	for k, v := range base {
		syms[k] = v
	}
	w := r.stdout
	stdin := strings.NewReader("")
	syms["Print"] = reflect.ValueOf(func(a ...any) (int, error) { return fmt.Fprint(w, a...) })
	syms["Printf"] = reflect.ValueOf(func(f string, a ...any) (int, error) { return fmt.Fprintf(w, f, a...) })
	syms["Println"] = reflect.ValueOf(func(a ...any) (int, error) { return fmt.Fprintln(w, a...) })
	syms["Scan"] = reflect.ValueOf(func(a ...any) (int, error) { return fmt.Fscan(stdin, a...) })
	syms["Scanf"] = reflect.ValueOf(func(f string, a ...any) (int, error) { return fmt.Fscanf(stdin, f, a...) })
	syms["Scanln"] = reflect.ValueOf(func(a ...any) (int, error) { return fmt.Fscanln(stdin, a...) })
	shared := mapTypes()
	types := make(map[reflect.Value][]reflect.Type, len(shared)+6)
	for k, v := range shared {
		types[k] = v
	}
	for _, n := range []string{"Print", "Printf", "Println", "Scan", "Scanf", "Scanln"} {
		types[syms[n]] = shared[base[n]]
	}
	return syms, types
}

// mapTypes is stdsym.MapTypes with error added to the interfaces of fmt's
// functions, after fmt.Formatter and before fmt.Stringer as fmt checks
// them: yaegi then hands fmt a wrapper whose Error calls the learner's
// method for an operand whose type has one (stdlib maps only Formatter and
// Stringer, so fmt printed an error type's fields).
var mapTypes = sync.OnceValue(func() map[reflect.Value][]reflect.Type {
	out := make(map[reflect.Value][]reflect.Type, len(stdsym.MapTypes))
	for k, v := range stdsym.MapTypes {
		out[k] = v
	}
	withError := []reflect.Type{
		reflect.TypeOf((*fmt.Formatter)(nil)).Elem(),
		reflect.TypeOf((*error)(nil)).Elem(),
		reflect.TypeOf((*fmt.Stringer)(nil)).Elem(),
	}
	for _, f := range []any{fmt.Errorf, fmt.Fprint, fmt.Fprintf, fmt.Fprintln, fmt.Print, fmt.Printf,
		fmt.Println, fmt.Sprint, fmt.Sprintf, fmt.Sprintln} {
		out[reflect.ValueOf(f)] = withError
	}
	return out
})

// templateExports are the shim's exports with the right types, for the
// type checker; they are never called.
var templateExports = sync.OnceValue(func() interp.Exports {
	return (&run{}).exports()
})

// shadowPackages type-checks the shadow sources against u (which must hold
// the shim and the real time package) and returns them by import path.
func shadowPackages(u *universe) (map[string]*types.Package, error) {
	out := map[string]*types.Package{}
	imp := importerFunc(func(p string) (*types.Package, error) {
		if pkg, ok := out[p]; ok {
			return pkg, nil
		}
		return u.Import(p)
	})
	for _, p := range shadowOrder {
		fset := token.NewFileSet()
		dir := path.Join("_shadow", p)
		entries, err := shadowSrc.ReadDir(dir)
		if err != nil {
			return nil, err
		}
		var files []*ast.File
		var names []string
		for _, e := range entries {
			if !e.IsDir() && strings.HasSuffix(e.Name(), ".go") {
				names = append(names, e.Name())
			}
		}
		sort.Strings(names)
		for _, n := range names {
			data, _ := shadowSrc.ReadFile(path.Join(dir, n))
			f, err := parser.ParseFile(fset, path.Join(p, n), data, 0)
			if err != nil {
				return nil, err
			}
			files = append(files, f)
		}
		conf := types.Config{Importer: imp, GoVersion: goVersion}
		pkg, err := conf.Check(p, fset, files, nil)
		if err != nil {
			return nil, err
		}
		out[p] = pkg
	}
	return out, nil
}

type importerFunc func(string) (*types.Package, error)

func (f importerFunc) Import(p string) (*types.Package, error) { return f(p) }

// sourceUniverse is the type checker's universe for real runs: the allowed
// compiled packages, the shim, and the shadow packages type-checked from
// their source. Built once per process.
var sourceUniverse = sync.OnceValue(func() *universe {
	exports := stdlibExports()
	for k, v := range templateExports() {
		exports[k] = v
	}
	u := buildUniverse(exports)
	pkgs, err := shadowPackages(u)
	if err != nil {
		panic("runner: shadow packages do not type-check: " + err.Error())
	}
	for p, pkg := range pkgs {
		u.pkgs[p] = pkg
	}
	return u
})
