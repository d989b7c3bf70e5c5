package runner

import (
	"bytes"
	"go/ast"
	"go/parser"
	"go/printer"
	"go/token"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"testing"
)

// exportedDecls prints the exported, receiver-less funcs and the exported
// types of files, without bodies or comments, sorted.
func exportedDecls(t *testing.T, fset *token.FileSet, files []*ast.File) []string {
	var out []string
	for _, f := range files {
		for _, d := range f.Decls {
			var b bytes.Buffer
			switch d := d.(type) {
			case *ast.FuncDecl:
				if !d.Name.IsExported() || d.Recv != nil {
					continue
				}
				fd := *d
				fd.Body, fd.Doc = nil, nil
				if err := printer.Fprint(&b, fset, &fd); err != nil {
					t.Fatal(err)
				}
				out = append(out, b.String())
			case *ast.GenDecl:
				for _, s := range d.Specs {
					ts, ok := s.(*ast.TypeSpec)
					if !ok || !ts.Name.IsExported() {
						continue
					}
					b.Reset()
					c := *ts
					c.Doc, c.Comment = nil, nil
					if err := printer.Fprint(&b, fset, &ast.GenDecl{Tok: token.TYPE, Specs: []ast.Spec{&c}}); err != nil {
						t.Fatal(err)
					}
					out = append(out, b.String())
				}
			}
		}
	}
	sort.Strings(out)
	return out
}

// TestStubsMatchGOROOT checks that the stub sources declare exactly the API
// of the installed toolchain's cmp, iter, maps and slices.
func TestStubsMatchGOROOT(t *testing.T) {
	for pkg, src := range stubSources {
		dir := filepath.Join(runtime.GOROOT(), "src", pkg)
		names, _ := filepath.Glob(filepath.Join(dir, "*.go"))
		if len(names) == 0 {
			t.Skipf("no Go sources in %s", dir)
		}
		fset := token.NewFileSet()
		var real []*ast.File
		for _, name := range names {
			if strings.HasSuffix(name, "_test.go") {
				continue
			}
			data, err := os.ReadFile(name)
			if err != nil {
				t.Fatal(err)
			}
			f, err := parser.ParseFile(fset, name, data, 0)
			if err != nil {
				t.Fatal(err)
			}
			real = append(real, f)
		}
		stub, err := parser.ParseFile(fset, pkg+".go", src, 0)
		if err != nil {
			t.Fatal(err)
		}
		want, got := exportedDecls(t, fset, real), exportedDecls(t, fset, []*ast.File{stub})
		if strings.Join(got, "\n") != strings.Join(want, "\n") {
			t.Errorf("stub %s differs from GOROOT:\ngot:\n%s\nwant:\n%s", pkg, strings.Join(got, "\n"), strings.Join(want, "\n"))
		}
	}
	if len(stubPackages()) != 4 {
		t.Errorf("stubPackages() has %d packages, want 4", len(stubPackages()))
	}
}
