package runner

import (
	"path"
	"reflect"
	"sort"
	"strings"

	"github.com/gotour-gpm/gotour-gpm/runner/internal/stdsym"
	"github.com/traefik/yaegi/interp"
)

// The single allowlist of packages a learner's program may import. It is
// reviewed as a whole: adding a package here makes every exported symbol of
// it reachable from learner code, so nothing that touches the host (os/exec,
// net, unsafe, syscall, reflect, io/fs...) may ever be added.
//
// Three kinds of package are importable:
//
//   - allowedStdlib: compiled standard packages, exported to yaegi from
//     the symbols yaegi's extract command generated into internal/stdsym
//     (the same as yaegi's stdlib.Symbols, never stdlib/unrestricted);
//   - shadowedPkgs: packages whose symbols come from the back end's
//     interp.Exports (the simulator's sync, time, runtime, os and gpm);
//   - stubbedPkgs: generic packages that reflect cannot export. They are
//     type-checked from embedded stubs (see stubs.go) and every call into
//     them is rewritten to a helper emitted into the program, so yaegi
//     never imports them.
var (
	allowedStdlib = []string{
		"bytes", "errors", "fmt", "io", "math", "sort",
		"strconv", "strings", "sync/atomic", "unicode", "unicode/utf8",
	}
	shadowedPkgs = []string{"context", "gpm", "math/rand", "os", "runtime", "runtime/debug", "sync", "time"}
	stubbedPkgs  = []string{"cmp", "maps", "slices"}
)

// allowedImports returns every importable path, sorted, for messages.
func allowedImports() []string {
	all := append(append(append([]string(nil), allowedStdlib...), shadowedPkgs...), stubbedPkgs...)
	sort.Strings(all)
	return all
}

// importKind says how path is provided: "stdlib", "shadow", "stub" or "" when
// the path is not importable.
func importKind(p string) string {
	switch {
	case contains(allowedStdlib, p):
		return "stdlib"
	case contains(shadowedPkgs, p):
		return "shadow"
	case contains(stubbedPkgs, p):
		return "stub"
	}
	return ""
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// exportKey is the key yaegi uses for an import path in interp.Exports:
// the path, a slash, and the package name ("math/rand/rand").
func exportKey(importPath string) string {
	return importPath + "/" + path.Base(importPath)
}

// splitExportKey inverts exportKey: "math/rand/rand" gives ("math/rand", "rand").
func splitExportKey(key string) (importPath, name string) {
	i := strings.LastIndexByte(key, '/')
	if i < 0 {
		return key, key
	}
	return key[:i], key[i+1:]
}

// stdlibExports returns the stdsym.Symbols entries of the allowed compiled
// packages and nothing else. The maps are shared with stdsym.Symbols, so
// callers must not modify them.
func stdlibExports() interp.Exports {
	out := make(interp.Exports, len(allowedStdlib))
	for _, p := range allowedStdlib {
		if syms, ok := stdsym.Symbols[exportKey(p)]; ok {
			out[exportKey(p)] = syms
		}
		if syms, ok := withheldOut[exportKey(p)]; ok {
			out[exportKey(p)] = syms
		}
	}
	return out
}

// withheld lists the symbols of allowed packages that a program may not
// use: io.Pipe synchronises its two ends with real channels and a real
// mutex, which would block the host goroutine of a simulated G where the
// simulator cannot see it. Using one is "undefined: io.Pipe".
var withheld = map[string][]string{"io": {"Pipe", "PipeReader", "PipeWriter"}}

// withheldOut holds the symbol maps of the packages in withheld, without
// those symbols.
var withheldOut = func() interp.Exports {
	out := interp.Exports{}
	for p, names := range withheld {
		syms := map[string]reflect.Value{}
		for k, v := range stdsym.Symbols[exportKey(p)] {
			syms[k] = v
		}
		for _, n := range names {
			delete(syms, n)
		}
		out[exportKey(p)] = syms
	}
	return out
}()

// shadowExports returns the entries of shadow that are shadowed packages,
// keyed as yaegi expects. Entries for other paths are ignored, so a back end
// cannot widen the allowlist by accident.
func shadowExports(shadow interp.Exports) interp.Exports {
	out := make(interp.Exports, len(shadowedPkgs))
	for _, p := range shadowedPkgs {
		if syms, ok := shadow[exportKey(p)]; ok {
			out[exportKey(p)] = syms
		}
	}
	return out
}

// mapIdentity identifies a symbol map for caching: the maps given to the
// runner are package-level values that live as long as the process.
func mapIdentity(m map[string]reflect.Value) uintptr {
	return reflect.ValueOf(m).Pointer()
}
