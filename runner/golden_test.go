package runner_test

import (
	"bytes"
	"fmt"
	"go/format"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"golang.org/x/tools/txtar"
)

// corpora lists the fidelity corpus directories and the GOMAXPROCS value
// their goldens were recorded with (TestOracle sets it in the environment).
// The goldens of trace/ keep the frames of tracebacks too (normalizeFrames).
var corpora = []corpus{
	{"testdata/fidelity", 1, false},
	{"testdata/fidelity/multi", 4, false},
	{"testdata/fidelity/trace", 1, true},
}

type corpus struct {
	dir    string
	procs  int
	frames bool
}

// normalize is the corpus's normalisation of stderr.
func (c corpus) normalize(stderr []byte) []byte {
	if c.frames {
		return normalizeFrames(stderr)
	}
	return normalizeStderr(stderr)
}

// frameLocation matches the location line of a frame, "\t/path/file.go:12
// +0x1d"; the offset is absent for an inlined frame.
var frameLocation = regexp.MustCompile(`^\t(\S+):(\d+)(?: \+0x[0-9a-f]+)?$`)

// normalizeFrames is normalizeStderr keeping, in each goroutine's
// traceback, the frames of the program's own functions: each function's
// name without its arguments (gc prints argument words, or (...) when
// inlined, the runner always (...)), its location as file:line without
// directory and offset, and the "created by" line with its location.
// Frames in other files (the runtime's, the standard library's) are
// dropped, and so are their function lines.
func normalizeFrames(stderr []byte) []byte {
	if len(stderr) == 0 {
		return nil
	}
	var b bytes.Buffer
	lines := strings.Split(strings.TrimSuffix(string(stderr), "\n"), "\n")
	inTrace := false
	for i, line := range lines {
		switch {
		case i == 0, strings.HasPrefix(line, "fatal error: "), strings.HasPrefix(line, "\tpanic: "),
			strings.HasPrefix(line, "runtime: goroutine stack exceeds "):
			b.WriteString(line + "\n")
		case tracebackHeader.MatchString(line):
			m := tracebackHeader.FindStringSubmatch(line)
			fmt.Fprintf(&b, "goroutine %s [%s]:\n", m[1], m[2])
			inTrace = true
		case !inTrace || line == "":
			inTrace = inTrace && line != ""
		case strings.HasPrefix(line, "...") && strings.HasSuffix(line, " frames elided..."):
			b.WriteString(line + "\n")
		case strings.HasPrefix(line, "created by "):
			b.WriteString(line + "\n")
			if i+1 < len(lines) {
				if m := frameLocation.FindStringSubmatch(lines[i+1]); m != nil {
					fmt.Fprintf(&b, "\t%s:%s\n", filepath.Base(m[1]), m[2])
				}
			}
		case strings.HasPrefix(line, "main."):
			if j := strings.LastIndexByte(line, '('); j > 0 && strings.HasSuffix(line, ")") {
				line = line[:j]
			}
			b.WriteString(line + "\n")
			if i+1 < len(lines) {
				if m := frameLocation.FindStringSubmatch(lines[i+1]); m != nil {
					fmt.Fprintf(&b, "\t%s:%s\n", filepath.Base(m[1]), m[2])
				}
			}
		}
	}
	return b.Bytes()
}

// loadGolden reads a NAME.golden txtar archive written by TestOracle and
// returns the recorded stdout, normalised stderr (see normalizeStderr) and
// exit code of the real toolchain's run of NAME.go.
func loadGolden(path string) (stdout, stderr []byte, exit int, err error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, nil, 0, err
	}
	files := map[string][]byte{}
	for _, f := range txtar.Parse(data).Files {
		if _, dup := files[f.Name]; dup {
			return nil, nil, 0, fmt.Errorf("%s: duplicate file %q", path, f.Name)
		}
		files[f.Name] = f.Data
	}
	for _, name := range []string{"stdout", "stderr", "exit"} {
		if _, ok := files[name]; !ok {
			return nil, nil, 0, fmt.Errorf("%s: missing file %q", path, name)
		}
	}
	if len(files) != 3 {
		return nil, nil, 0, fmt.Errorf("%s: want files stdout, stderr, exit; have %d files", path, len(files))
	}
	exit, err = strconv.Atoi(strings.TrimSpace(string(files["exit"])))
	if err != nil {
		return nil, nil, 0, fmt.Errorf("%s: bad exit code: %w", path, err)
	}
	return files["stdout"], files["stderr"], exit, nil
}

// tracebackHeader matches a goroutine header in a traceback. Runtime throws
// (stack overflow) print "goroutine 1 gp=0x... m=0 mp=0x... [running]:";
// the addresses are dropped so the header reads like the plain form.
var tracebackHeader = regexp.MustCompile(`^goroutine (\d+)(?: gp=\S+ m=\S+(?: mp=\S+)?)? \[([^\]]+)\]:$`)

// normalizeStderr reduces a program's stderr to the parts a simulator can
// reproduce: the first line (panic value, fatal error, ...), every
// "fatal error: " line, every nested "\tpanic: " line (a panic raised while
// an earlier one was being recovered or deferred), every "runtime: goroutine
// stack exceeds" line, and every goroutine header "goroutine N [reason]:",
// in their original order.
// Stack frames, file paths, pc offsets and addresses are dropped.
// Comparison tests must apply it to the simulated stderr too.
func normalizeStderr(stderr []byte) []byte {
	if len(stderr) == 0 {
		return nil
	}
	var b bytes.Buffer
	for i, line := range strings.Split(strings.TrimSuffix(string(stderr), "\n"), "\n") {
		switch {
		case i == 0,
			strings.HasPrefix(line, "fatal error: "),
			strings.HasPrefix(line, "\tpanic: "),
			strings.HasPrefix(line, "runtime: goroutine stack exceeds "):
			b.WriteString(line + "\n")
		case tracebackHeader.MatchString(line):
			m := tracebackHeader.FindStringSubmatch(line)
			fmt.Fprintf(&b, "goroutine %s [%s]:\n", m[1], m[2])
		}
	}
	return b.Bytes()
}

func TestNormalizeStderr(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"empty", "", ""},
		{"deadlock",
			"fatal error: all goroutines are asleep - deadlock!\n\ngoroutine 1 [chan receive]:\nmain.main()\n\t/x/main.go:13 +0x71\n\ngoroutine 7 [sync.Mutex.Lock]:\ncreated by main.main in goroutine 1\n",
			"fatal error: all goroutines are asleep - deadlock!\ngoroutine 1 [chan receive]:\ngoroutine 7 [sync.Mutex.Lock]:\n"},
		{"throw",
			"runtime: goroutine stack exceeds 65536-byte limit\nruntime: sp=0xc0200e0390 stack=[0xc0200e0000, 0xc0201e0000]\nfatal error: stack overflow\n\nruntime stack:\nruntime.throw({0x4a6bd7?, 0x0?})\n\ngoroutine 1 gp=0xc000002380 m=0 mp=0x55f2a0 [running]:\nmain.f(0x0)\n",
			"runtime: goroutine stack exceeds 65536-byte limit\nfatal error: stack overflow\ngoroutine 1 [running]:\n"},
		{"no trailing newline", "panic: boom", "panic: boom\n"},
		{"nested panic",
			"panic: main.code(42) [recovered]\n\tpanic: second failure\n\ngoroutine 1 [running]:\nmain.main.func1()\n",
			"panic: main.code(42) [recovered]\n\tpanic: second failure\ngoroutine 1 [running]:\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := string(normalizeStderr([]byte(tt.in))); got != tt.want {
				t.Errorf("normalizeStderr(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

// corpusImports are the packages a corpus program may import (os only for os.Exit).
var corpusImports = []string{
	"errors", "fmt", "io", "math", "os", "runtime", "runtime/debug", "sort",
	"strconv", "strings", "sync", "sync/atomic", "time",
}

// TestCorpusGoldens checks that every corpus program has a golden and vice
// versa, that every golden loads, and that every program keeps the corpus
// rules (see testdata/fidelity/README).
func TestCorpusGoldens(t *testing.T) {
	for _, c := range corpora {
		progs := globNames(t, c.dir, ".go")
		goldens := globNames(t, c.dir, ".golden")
		for _, name := range progs {
			if !slices.Contains(goldens, name) {
				t.Errorf("%s/%s.go has no golden; run go test ./runner -run TestOracle -oracle", c.dir, name)
			}
			checkProgram(t, filepath.Join(c.dir, name+".go"))
		}
		for _, name := range goldens {
			path := filepath.Join(c.dir, name+".golden")
			if !slices.Contains(progs, name) {
				t.Errorf("%s has no program %s.go", path, name)
			}
			if _, _, _, err := loadGolden(path); err != nil {
				t.Error(err)
			}
		}
	}
}

func globNames(t *testing.T, dir, ext string) []string {
	t.Helper()
	paths, err := filepath.Glob(filepath.Join(dir, "*"+ext))
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, p := range paths {
		names = append(names, strings.TrimSuffix(filepath.Base(p), ext))
	}
	return names
}

func checkProgram(t *testing.T, path string) {
	t.Helper()
	src, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if formatted, err := format.Source(src); err != nil || !bytes.Equal(formatted, src) {
		t.Errorf("%s is not gofmt-clean (err %v)", path, err)
	}
	if n := bytes.Count(src, []byte("\n")); n < 10 || n > 60 {
		t.Errorf("%s has %d lines, want 10-60", path, n)
	}
	if !bytes.HasPrefix(src, []byte("// ")) {
		t.Errorf("%s must start with a one-line comment naming its fact", path)
	}
	f, err := parser.ParseFile(token.NewFileSet(), path, src, parser.ImportsOnly)
	if err != nil {
		t.Fatal(err)
	}
	if f.Name.Name != "main" {
		t.Errorf("%s: package %s, want main", path, f.Name.Name)
	}
	for _, imp := range f.Imports {
		p, _ := strconv.Unquote(imp.Path.Value)
		if !slices.Contains(corpusImports, p) {
			t.Errorf("%s imports %q, not in the corpus allowlist", path, p)
		}
	}
}
