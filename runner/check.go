package runner

import (
	"bytes"
	"go/ast"
	"go/parser"
	"go/token"
	"go/types"
	"sort"
	"strconv"
	"strings"

	"github.com/traefik/yaegi/interp"
)

// goVersion is the language version learner programs are checked against.
// It matches the go directive of go.mod, so every feature of the toolchain
// that builds this binary type-checks; the rewriter then lowers what yaegi
// v0.16.1 cannot run, or refuses it.
const goVersion = "go1.26"

// sizes are the sizes of gc on amd64, used for frame estimates; they match
// the host the course is written for.
var sizes = types.SizesFor("gc", "amd64")

// reservedPrefix starts every identifier the rewriter introduces. Learner
// code may not use it, so rewritten code cannot capture a learner's name.
const reservedPrefix = "__"

// program is a parsed and type-checked learner file.
type program struct {
	filename string
	src      []byte
	fset     *token.FileSet
	file     *ast.File
	pkg      *types.Package
	info     *types.Info
	imports  []string // import paths, sorted, without duplicates
}

// check parses src, refuses imports outside the allowlist and type-checks
// it against the allowed packages, the shadowed packages found in shadow and
// the generic stubs. A learner error is returned as a *CompileError.
func check(filename string, src []byte, shadow interp.Exports) (*program, error) {
	errs := &errList{filename: filename}
	if i := bytes.IndexByte(src, 0); i >= 0 {
		line := 1 + bytes.Count(src[:i], []byte("\n"))
		col := i - bytes.LastIndexByte(src[:i], '\n')
		errs.add(line, col, "unexpected NUL in input")
		return nil, errs.err()
	}
	fset := token.NewFileSet()
	errs.fset = fset
	errs.eofLine = 1 + bytes.Count(src, []byte("\n"))
	errs.eofCol = 1 + len(src) - (bytes.LastIndexByte(src, '\n') + 1)
	file, err := parser.ParseFile(fset, filename, src, parser.ParseComments)
	if err != nil {
		errs.addErr(err)
		return nil, errs.err()
	}
	if file.Name.Name != "main" {
		errs.at(file.Name.Pos(), "package %s is not a main package", file.Name.Name)
		return nil, errs.err()
	}
	u := universeFor(shadow)
	p := &program{filename: filename, src: src, fset: fset, file: file}
	p.imports = checkImports(file, u, errs)
	checkReserved(file, errs)
	checkBodies(file, errs)
	checkEmbed(file, errs)
	if len(errs.errs) > 0 {
		return nil, errs.err()
	}

	p.info = &types.Info{
		Types:      map[ast.Expr]types.TypeAndValue{},
		Defs:       map[*ast.Ident]types.Object{},
		Uses:       map[*ast.Ident]types.Object{},
		Implicits:  map[ast.Node]types.Object{},
		Selections: map[*ast.SelectorExpr]*types.Selection{},
		Scopes:     map[ast.Node]*types.Scope{},
		Instances:  map[*ast.Ident]types.Instance{},
	}
	conf := types.Config{
		GoVersion: goVersion,
		Importer:  u,
		Sizes:     sizes,
		Error:     func(err error) { errs.addErr(err) },
	}
	p.pkg, _ = conf.Check("main", fset, []*ast.File{file}, p.info)
	if len(errs.errs) > 0 {
		return nil, errs.err()
	}
	checkChanElems(p, errs)
	checkGenericCycles(p, errs)
	if len(errs.errs) > 0 {
		return nil, errs.err()
	}
	if _, ok := p.pkg.Scope().Lookup("main").(*types.Func); !ok {
		// gc's linker words ("runtime.main_main·f: function main is
		// undeclared in the main package"), without the linker symbol.
		errs.at(file.Name.Pos(), "function main is undeclared in the main package")
		return nil, errs.err()
	}
	return p, nil
}

// checkBodies reports every function declared without a body, as gc
// does: go/types accepts one (its body would be in assembly), and the
// rewrite would then produce a program yaegi cannot run.
func checkBodies(file *ast.File, errs *errList) {
	for _, d := range file.Decls {
		if fd, ok := d.(*ast.FuncDecl); ok && fd.Body == nil {
			errs.at(fd.Name.Pos(), "missing function body")
		}
	}
}

// checkImports reports every import that is not allowed or not available
// and returns the imported paths.
func checkImports(file *ast.File, u *universe, errs *errList) []string {
	seen := map[string]bool{}
	var paths []string
	for _, spec := range file.Imports {
		path, err := strconv.Unquote(spec.Path.Value)
		if err != nil {
			errs.at(spec.Path.Pos(), "invalid import path: %s", spec.Path.Value)
			continue
		}
		switch {
		case importKind(path) == "":
			errs.at(spec.Path.Pos(), "import %q is not allowed (allowed: %s)", path, strings.Join(allowedImports(), ", "))
			continue
		case u.pkgs[path] == nil:
			errs.at(spec.Path.Pos(), "import %q is not available in this runner", path)
			continue
		}
		if spec.Name != nil && spec.Name.Name == "." && importKind(path) == "stub" {
			errs.at(spec.Name.Pos(), "dot-import of %q is not supported by the runner", path)
		}
		if !seen[path] {
			seen[path] = true
			paths = append(paths, path)
		}
	}
	sort.Strings(paths)
	return paths
}

// checkReserved refuses identifiers that start with reservedPrefix.
func checkReserved(file *ast.File, errs *errList) {
	ast.Inspect(file, func(n ast.Node) bool {
		if id, ok := n.(*ast.Ident); ok && strings.HasPrefix(id.Name, reservedPrefix) {
			errs.at(id.Pos(), "identifier %s is reserved by the runner (names may not start with %s)", id.Name, reservedPrefix)
		}
		return true
	})
}
