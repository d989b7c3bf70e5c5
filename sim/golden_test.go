package sim

import (
	"bytes"
	"fmt"
	"github.com/gotour-gpm/gotour-gpm/internal/golden"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = golden.Update

// archive is a txtar archive (golang.org/x/tools/txtar's format: a
// comment, then files introduced by "-- name --" lines). sim keeps to
// the standard library, tests included, so it reads the format itself.
type archive struct {
	comment string
	names   []string
	files   map[string]string
}

func parseArchive(data string) *archive {
	a := &archive{files: map[string]string{}}
	cur := ""
	var b strings.Builder
	flush := func() {
		if cur == "" {
			a.comment = b.String()
		} else {
			a.files[cur] = b.String()
		}
		b.Reset()
	}
	for _, line := range strings.SplitAfter(data, "\n") {
		t := strings.TrimRight(line, "\n")
		if strings.HasPrefix(t, "-- ") && strings.HasSuffix(t, " --") && len(t) > 6 {
			flush()
			cur = t[3 : len(t)-3]
			a.names = append(a.names, cur)
			continue
		}
		b.WriteString(line)
	}
	flush()
	return a
}

func (a *archive) format() string {
	var b strings.Builder
	b.WriteString(a.comment)
	for _, n := range a.names {
		fmt.Fprintf(&b, "-- %s --\n", n)
		b.WriteString(a.files[n])
	}
	return b.String()
}

// set replaces or adds a file; an empty one is removed.
func (a *archive) set(name, data string) {
	if data == "" {
		delete(a.files, name)
		for i, n := range a.names {
			if n == name {
				a.names = append(a.names[:i], a.names[i+1:]...)
				break
			}
		}
		return
	}
	if _, ok := a.files[name]; !ok {
		a.names = append(a.names, name)
	}
	a.files[name] = data
}

// runGolden parses and runs a scenario with the invariants checked and
// returns its outcome and text trace.
func runGolden(t testing.TB, src string) (Outcome, string) {
	t.Helper()
	sc, err := ParseScenario(src)
	if err != nil {
		t.Fatalf("ParseScenario: %v", err)
	}
	sc.Config.Debug = true
	o := sc.Run()
	var tr strings.Builder
	if err := o.Sim.Trace().WriteText(&tr); err != nil {
		t.Fatal(err)
	}
	return o, tr.String()
}

// stderrText is the -- stderr -- file: the normalised stderr and the exit
// status, when the run did not exit 0.
func stderrText(o Outcome) string {
	if o.Exit == 0 && o.Stderr == "" {
		return ""
	}
	return fmt.Sprintf("%sexit status %d\n", o.Stderr, o.Exit)
}

// TestGolden runs every testdata/*.txtar scenario and compares its output
// and trace with the archive's. Files "real stdout" and "real stderr",
// when present, are what the real toolchain printed for the Go program the
// scenario mirrors (copied from runner/testdata/fidelity): -update never
// touches them, and the run must match them.
func TestGolden(t *testing.T) {
	files, err := filepath.Glob("testdata/*.txtar")
	if err != nil {
		t.Fatal(err)
	}
	if len(files) == 0 {
		t.Fatal("no testdata/*.txtar")
	}
	for _, file := range files {
		name := strings.TrimSuffix(filepath.Base(file), ".txtar")
		t.Run(name, func(t *testing.T) {
			data, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			a := parseArchive(string(data))
			src, ok := a.files["scenario"]
			if !ok {
				t.Fatalf("%s: no -- scenario -- file", file)
			}
			o, tr := runGolden(t, src)
			if o.Exit < 0 {
				t.Fatalf("%s: %s", file, o.Stderr)
			}
			got := map[string]string{"output": o.Stdout, "stderr": stderrText(o), "trace": tr}
			if real, ok := a.files["real stdout"]; ok {
				if o.Stdout != real {
					t.Errorf("%s: output differs from the real runtime's:\n%s", file, diff(real, o.Stdout))
				}
				realErr := a.files["real stderr"]
				if o.Stderr != realErr {
					t.Errorf("%s: stderr differs from the real runtime's:\n%s", file, diff(realErr, o.Stderr))
				}
			}
			if *update {
				for _, n := range []string{"output", "stderr", "trace"} {
					a.set(n, got[n])
				}
				if err := os.WriteFile(file, []byte(a.format()), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			for _, n := range []string{"output", "stderr", "trace"} {
				if want := a.files[n]; got[n] != want {
					t.Errorf("%s: %s differs from the golden file:\n%s\nrun go test ./sim -update, and review the diff", file, n, diff(want, got[n]))
				}
			}
		})
	}
}

// diff shows where two texts part, line by line, with a little context:
// enough to see what changed; the golden files' git diff shows the rest.
func diff(want, got string) string {
	wl := strings.Split(want, "\n")
	gl := strings.Split(got, "\n")
	i := 0
	for i < len(wl) && i < len(gl) && wl[i] == gl[i] {
		i++
	}
	// Trailing common lines.
	j := 0
	for j < len(wl)-i && j < len(gl)-i && wl[len(wl)-1-j] == gl[len(gl)-1-j] {
		j++
	}
	var b bytes.Buffer
	from := max(i-3, 0)
	for k := from; k < i; k++ {
		fmt.Fprintf(&b, "  %4d  %s\n", k+1, wl[k])
	}
	const most = 20
	for k := i; k < len(wl)-j && k < i+most; k++ {
		fmt.Fprintf(&b, "- %4d  %s\n", k+1, wl[k])
	}
	if n := len(wl) - j - i; n > most {
		fmt.Fprintf(&b, "- ... %d more\n", n-most)
	}
	for k := i; k < len(gl)-j && k < i+most; k++ {
		fmt.Fprintf(&b, "+ %4d  %s\n", k+1, gl[k])
	}
	if n := len(gl) - j - i; n > most {
		fmt.Fprintf(&b, "+ ... %d more\n", n-most)
	}
	return b.String()
}
