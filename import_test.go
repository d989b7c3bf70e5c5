package gotourgpm_test

import (
	"go/build"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// modulePath is this module's path, as in go.mod.
const modulePath = "github.com/gotour-gpm/gotour-gpm"

// rule says which packages one package of this module may import. The
// zero rule allows the standard library only.
type rule struct {
	// module lists the packages of this module it may import, relative to
	// the module root. "runner/..." means runner and every package below it.
	module []string
	// thirdParty lists the packages of other modules it may import, with
	// the same "/..." form.
	thirdParty []string
	// std, when not nil, is the complete list of standard-library
	// packages it may import. When nil, every standard package is allowed
	// except those in denyStd.
	std []string
	// denyStd lists standard-library packages it must not import.
	denyStd []string
}

// belowCLI lists the standard packages that reach the process itself
// (its arguments, environment, files, exit): they stay out of every
// package below internal/cli, so those packages can be used and tested
// without a terminal.
var belowCLI = []string{"flag", "os", "os/exec", "os/signal"}

var (
	goldmark = []string{"github.com/yuin/goldmark/..."}
	// The runner owns yaegi: its interpreter, not its stdlib package, which
	// would link every standard package (net/http, crypto, ...) into the
	// binary; runner/internal/stdsym generates the few the runner needs.
	// astutil is allowed for the go/ast rewrite.
	runnerThirdParty = []string{"github.com/traefik/yaegi/interp", "golang.org/x/tools/go/ast/astutil"}
	// The runner is a library: the CLI owns the worker process, so the
	// runner touches nothing of the process either.
	runnerDenyStd = belowCLI
)

// importRules is the allowed import graph, one entry per
// package. A package that exists but has no entry fails TestImportGraph,
// so every new package, and every new edge, is added here on purpose.
// Entries for packages that do not exist yet are harmless.
var importRules = map[string]rule{
	"cmd/gotour-gpm": {module: []string{"internal/cli"}},
	// The only importer of cobra (and its pflag). It asks charmbracelet's
	// x/term, which comes with glamour, whether stdout is a terminal and
	// how big.
	"internal/cli": {
		module: []string{"internal/i18n", "internal/progress", "internal/termview",
			"tour", "render", "runner", "runner/...", "checker", "sim", "lessons"},
		thirdParty: []string{"github.com/spf13/cobra/...", "github.com/spf13/pflag",
			"github.com/charmbracelet/x/term"},
	},
	// The terminal view of a lesson: the only importer of glamour, which
	// renders the Markdown and highlights code with chroma. It runs
	// snippets (runner) and draws their traces (sim), and knows nothing
	// of the process: the CLI says how wide, whether in colour, and where.
	"internal/termview": {
		module:     []string{"internal/i18n", "internal/highlight", "tour", "runner", "sim"},
		thirdParty: []string{"charm.land/glamour/v2/...", "github.com/charmbracelet/x/ansi"},
		denyStd:    belowCLI,
	},
	// The learner's progress file. It reads and writes that one file, so
	// it may use os; nothing else of the process.
	"internal/progress": {denyStd: []string{"flag", "os/exec", "os/signal"}},
	// A leaf: everyone may use it, it uses nobody.
	"internal/i18n": {denyStd: belowCLI},
	// The module's one -update flag, imported by tests only.
	"internal/golden": {std: []string{"flag"}},
	// chroma lexers without regexp timeouts, registered in chroma's global
	// registry for glamour. Its tests read the lessons.
	"internal/highlight": {
		module:     []string{"lessons"},
		thirdParty: []string{"github.com/alecthomas/chroma/v2/...", "github.com/google/go-cmp/..."},
		denyStd:    belowCLI,
	},
	// Embedded content, no logic.
	"lessons": {std: []string{"embed", "io/fs"}},
	// The lesson model parses with goldmark; no runner, no render, no os.
	"tour": {module: []string{"internal/i18n"}, thirdParty: goldmark, denyStd: belowCLI},
	// HTML output: html/template only, never text/template. It owns
	// goldmark's HTML side and chroma's HTML formatter (code colours as CSS
	// classes), and reads traces (sim) to draw timelines; it never runs
	// code: the CLI hands it the runs.
	"render": {
		module:     []string{"tour", "sim", "internal/i18n", "internal/highlight"},
		thirdParty: append([]string{"github.com/alecthomas/chroma/v2/..."}, goldmark...),
		denyStd:    append([]string{"text/template"}, belowCLI...),
	},
	// Exercises are keyed by id, so checker does not import tour; it reads
	// the starter snippets and the solutions from the embedded content.
	"checker": {module: []string{"runner", "runner/...", "sim", "internal/i18n", "lessons"}, denyStd: belowCLI},
	"runner": {
		module:     []string{"sim", "runner/...", "internal/i18n"},
		thirdParty: runnerThirdParty,
		denyStd:    runnerDenyStd,
	},
	// Packages below runner (a worker main, say) are part of the runner:
	// they may import it and each other.
	"runner/...": {
		module:     []string{"sim", "runner/..."},
		thirdParty: runnerThirdParty,
		denyStd:    runnerDenyStd,
	},
	// A pure, seeded model: standard library only, its one PRNG comes from
	// math/rand/v2, and it never touches the process.
	"sim": {denyStd: append([]string{"math/rand"}, belowCLI...)},
}

// importRef is one import in one file.
type importRef struct {
	path string // the import path
	pos  string // file:line, for messages
}

func TestImportGraph(t *testing.T) {
	t.Parallel()
	pkgs := modulePackages(t, ".")
	if _, ok := pkgs["internal/cli"]; !ok {
		t.Fatalf("found packages %v, but not internal/cli: is the test running in the module root?", keys(pkgs))
	}
	for _, pkg := range keys(pkgs) {
		for _, v := range checkImports(importRules, pkg, pkgs[pkg]) {
			t.Error(v)
		}
	}
}

// TestImportGraphCatches feeds checkImports imports that break the rules,
// to show that TestImportGraph would notice.
func TestImportGraphCatches(t *testing.T) {
	t.Parallel()
	tests := []struct {
		pkg     string
		imports []string
		want    string // a substring of the one expected violation; "" for none
	}{
		{"sim", []string{"fmt", "math/rand/v2", "container/heap"}, ""},
		{"sim", []string{"os"}, `sim must not import "os"`},
		{"sim", []string{"math/rand"}, `sim must not import "math/rand"`},
		{"sim", []string{"flag"}, `sim must not import "flag"`},
		{"sim", []string{"github.com/traefik/yaegi/interp"}, `sim may not import "github.com/traefik/yaegi/interp"`},
		{"sim", []string{modulePath + "/runner"}, `sim may not import "runner"`},
		{"tour", []string{"github.com/spf13/cobra"}, `tour may not import "github.com/spf13/cobra"`},
		{"tour", []string{"github.com/yuin/goldmark/parser"}, ""},
		{"tour", []string{modulePath + "/render"}, `tour may not import "render"`},
		{"checker", []string{modulePath + "/tour"}, `checker may not import "tour"`},
		{"render", []string{"text/template"}, `render must not import "text/template"`},
		{"lessons", []string{"embed", "io/fs"}, ""},
		{"lessons", []string{"fmt"}, `lessons may not import "fmt"`},
		{"internal/i18n", []string{"os"}, `internal/i18n must not import "os"`},
		{"internal/termview", []string{"charm.land/glamour/v2", modulePath + "/runner"}, ""},
		{"internal/termview", []string{"os"}, `internal/termview must not import "os"`},
		{"render", []string{"charm.land/glamour/v2"}, `render may not import "charm.land/glamour/v2"`},
		{"render", []string{modulePath + "/sim", "github.com/alecthomas/chroma/v2/lexers", "html/template"}, ""},
		{"render", []string{modulePath + "/runner"}, `render may not import "runner"`},
		{"internal/progress", []string{"os", "encoding/json"}, ""},
		{"internal/progress", []string{modulePath + "/tour"}, `internal/progress may not import "tour"`},
		{"runner", []string{"github.com/traefik/yaegi/interp", modulePath + "/runner/internal/stdsym", modulePath + "/sim", modulePath + "/internal/i18n"}, ""},
		{"runner", []string{"github.com/traefik/yaegi/stdlib"}, `runner may not import "github.com/traefik/yaegi/stdlib"`},
		{"runner/internal/stdsym", []string{"fmt", "unicode/utf8", "go/constant"}, ""},
		{"runner", []string{"os/exec"}, `runner must not import "os/exec"`},
		{"runner", []string{"flag"}, `runner must not import "flag"`},
		{"runner/worker", []string{modulePath + "/runner"}, ""},
		{"runner/worker", []string{modulePath + "/tour"}, `runner/worker may not import "tour"`},
		{"runner/worker", []string{modulePath + "/runner/internal/baton"}, ""},
		{"internal/cli", []string{"os", "github.com/spf13/cobra", modulePath + "/runner/worker"}, ""},
		{"cmd/gotour-gpm", []string{"github.com/spf13/cobra"}, `cmd/gotour-gpm may not import "github.com/spf13/cobra"`},
		{"newpkg", []string{"fmt"}, `package newpkg has no entry in importRules`},
	}
	for _, tt := range tests {
		var refs []importRef
		for i, p := range tt.imports {
			refs = append(refs, importRef{path: p, pos: "fake.go:" + strconv.Itoa(i+1)})
		}
		got := checkImports(importRules, tt.pkg, refs)
		switch {
		case tt.want == "" && len(got) > 0:
			t.Errorf("checkImports(%q, %q) = %q, want none", tt.pkg, tt.imports, got)
		case tt.want != "" && (len(got) != 1 || !strings.Contains(got[0], tt.want)):
			t.Errorf("checkImports(%q, %q) = %q, want one violation containing %q", tt.pkg, tt.imports, got, tt.want)
		}
	}
}

// checkImports returns one message for each import of pkg (a path
// relative to the module root) that rules do not allow, or a single
// message if pkg has no rule at all.
func checkImports(rules map[string]rule, pkg string, imports []importRef) []string {
	r, ok := lookupRule(rules, pkg)
	if !ok {
		return []string{"package " + pkg + " has no entry in importRules (import_test.go): add one, with the imports it may use"}
	}
	var bad []string
	for _, imp := range imports {
		switch p := imp.path; {
		case p == modulePath || strings.HasPrefix(p, modulePath+"/"):
			rel := strings.TrimPrefix(strings.TrimPrefix(p, modulePath), "/")
			if !matchAny(r.module, rel) {
				bad = append(bad, imp.pos+": "+pkg+" may not import "+strconv.Quote(rel)+" (see importRules)")
			}
		case !isStd(p):
			if !matchAny(r.thirdParty, p) {
				bad = append(bad, imp.pos+": "+pkg+" may not import "+strconv.Quote(p)+" (see importRules)")
			}
		case slices.Contains(r.denyStd, p):
			bad = append(bad, imp.pos+": "+pkg+" must not import "+strconv.Quote(p)+" (see importRules)")
		case r.std != nil && !slices.Contains(r.std, p):
			bad = append(bad, imp.pos+": "+pkg+" may not import "+strconv.Quote(p)+" (see importRules)")
		}
	}
	return bad
}

// lookupRule finds pkg's rule: an exact entry, else the longest "x/..."
// entry that covers it.
func lookupRule(rules map[string]rule, pkg string) (rule, bool) {
	if r, ok := rules[pkg]; ok {
		return r, true
	}
	best := ""
	for pattern := range rules {
		if strings.HasSuffix(pattern, "/...") && match(pattern, pkg) && len(pattern) > len(best) {
			best = pattern
		}
	}
	r, ok := rules[best]
	return r, ok
}

func matchAny(patterns []string, p string) bool {
	return slices.ContainsFunc(patterns, func(pattern string) bool { return match(pattern, p) })
}

// match reports whether import path p matches pattern, where "x/..."
// matches x and every path below it.
func match(pattern, p string) bool {
	if base, ok := strings.CutSuffix(pattern, "/..."); ok {
		return p == base || strings.HasPrefix(p, base+"/")
	}
	return p == pattern
}

// isStd reports whether p is a standard-library path: its first element
// has no dot. ("C", for cgo, counts as standard here; no rule needs it.)
func isStd(p string) bool {
	first, _, _ := strings.Cut(p, "/")
	return !strings.Contains(first, ".")
}

// modulePackages returns the imports of every package in the module
// rooted at root, keyed by slash-separated path relative to root ("." for
// the root itself). It reads the non-test .go files that match the
// current build context, like the go command, and skips testdata, hidden
// and "_" directories and nested modules. A directory with no such files
// (only Markdown, only build-ignored programs) is not a package.
func modulePackages(t *testing.T, root string) map[string][]importRef {
	t.Helper()
	fset := token.NewFileSet()
	pkgs := map[string][]importRef{}
	err := filepath.WalkDir(root, func(dir string, d fs.DirEntry, err error) error {
		if err != nil || !d.IsDir() {
			return err
		}
		if dir != root {
			name := d.Name()
			if name == "testdata" || strings.HasPrefix(name, ".") || strings.HasPrefix(name, "_") {
				return filepath.SkipDir
			}
			if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
				return filepath.SkipDir
			}
		}
		entries, err := os.ReadDir(dir)
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(root, dir)
		if err != nil {
			return err
		}
		rel = filepath.ToSlash(rel)
		for _, e := range entries {
			name := e.Name()
			if e.IsDir() || !strings.HasSuffix(name, ".go") || strings.HasSuffix(name, "_test.go") {
				continue
			}
			if ok, err := build.Default.MatchFile(dir, name); err != nil || !ok {
				if err != nil {
					t.Errorf("%s: %v", filepath.Join(dir, name), err)
				}
				continue
			}
			f, err := parser.ParseFile(fset, filepath.Join(dir, name), nil, parser.ImportsOnly)
			if err != nil {
				t.Errorf("parsing imports: %v", err)
				continue
			}
			if _, ok := pkgs[rel]; !ok {
				pkgs[rel] = []importRef{} // a package, even if it imports nothing
			}
			for _, spec := range f.Imports {
				p, err := strconv.Unquote(spec.Path.Value)
				if err != nil {
					t.Errorf("%s: bad import path %s", fset.Position(spec.Pos()), spec.Path.Value)
					continue
				}
				pos := fset.Position(spec.Pos())
				ref := importRef{path: p, pos: path.Join(rel, filepath.Base(pos.Filename)) + ":" + strconv.Itoa(pos.Line)}
				pkgs[rel] = append(pkgs[rel], ref)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return pkgs
}

// keys returns m's keys in sorted order, so messages come out stable.
func keys[V any](m map[string]V) []string {
	ks := make([]string, 0, len(m))
	for k := range m {
		ks = append(ks, k)
	}
	slices.Sort(ks)
	return ks
}

// TestModulePackages checks which directories the walk treats as
// packages, on a small fake module.
func TestModulePackages(t *testing.T) {
	t.Parallel()
	root := t.TempDir()
	files := map[string]string{
		"go.mod":              "module example.com/m\n",
		"root.go":             "package m\n",
		"a/a.go":              "package a\n\nimport (\n\t\"os\"\n\t\"example.com/m/b\"\n)\n",
		"a/a_test.go":         "package a\n\nimport \"testing\"\n",
		"a/testdata/x.go":     "package x\n\nimport \"net\"\n",
		"b/b.go":              "package b\n",
		"onlytests/x_test.go": "package onlytests\n",
		"ignored/solution.go": "//go:build ignore\n\npackage main\n\nimport \"fmt\"\n",
		"docs/zh/01-intro.md": "# intro\n",
		".hidden/h.go":        "package h\n",
		"_old/o.go":           "package o\n",
		"nested/go.mod":       "module example.com/nested\n",
		"nested/n.go":         "package n\n",
		"nested/deeper/d.go":  "package d\n",
	}
	for name, data := range files {
		p := filepath.Join(root, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o777); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(data), 0o666); err != nil {
			t.Fatal(err)
		}
	}
	pkgs := modulePackages(t, root)
	if got, want := keys(pkgs), []string{".", "a", "b"}; !slices.Equal(got, want) {
		t.Errorf("packages = %q, want %q", got, want)
	}
	var got []string
	for _, ref := range pkgs["a"] {
		got = append(got, ref.pos+" "+ref.path)
	}
	if want := []string{"a/a.go:4 os", "a/a.go:5 example.com/m/b"}; !slices.Equal(got, want) {
		t.Errorf("imports of a = %q, want %q", got, want)
	}
}
