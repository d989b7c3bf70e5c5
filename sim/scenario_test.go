package sim

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestParseScenarioErrors(t *testing.T) {
	tests := []struct {
		name, src, want string
	}{
		{"empty", "", "line 1: no func main"},
		{"no main", "func f {\n}\n", "line 1: no func main"},
		{"stray line", "hello\n", `line 1: want config or func NAME {, got "hello"`},
		{"unknown statement", "func main {\n  jump\n}\n", `line 2: unknown statement "jump"`},
		{"missing brace", "func main {\n  gosched\n", "line 1: func main: missing }"},
		{"undefined func", "func main {\n  go worker\n}\n", "line 2: undefined func worker"},
		{"defined twice", "func main {\n}\nfunc main {\n}\n", "line 3: func main defined twice"},
		{"config after func", "func main {\n}\nconfig procs=2\n", "line 3: config must come once, before any func"},
		{"bad config key", "config cores=2\nfunc main {\n}\n", "line 1: config cores=2: unknown key"},
		{"bad config value", "config procs=x\nfunc main {\n}\n", `line 1: config procs=x: bad number "x"`},
		{"bad duration", "func main {\n  sleep 5\n}\n", `line 2: sleep: bad duration "5": want a unit`},
		{"bad number", "func main {\n  tick many\n}\n", `line 2: tick: bad number "many"`},
		{"negative make", "func main {\n  make ch -1\n}\n", "line 2: make: -1 out of range"},
		{"make nil", "func main {\n  make nil 1\n}\n", "line 2: nil is not a channel name"},
		{"wrong arity", "func main {\n  lock\n}\n", "line 2: want lock M"},
		{"unknown variable", "func main {\n  print $x\n}\n", "line 2: unknown variable $x"},
		{"bad len", "func main {\n  print $len\n}\n", "line 2: want $len(CH) or $cap(CH)"},
		{"break outside loop", "func main {\n  break\n}\n", "line 2: break outside a loop"},
		{"repeat without brace", "func main {\n  repeat 3\n}\n", "line 2: repeat: want { at the end of the line"},
		{"bad if", "func main {\n  if $v {\n  }\n}\n", "line 2: want if A == B { or if A != B {"},
		{"bad select case", "func main {\n  select recv a, jump b\n}\n", `line 2: select: bad case "jump b"`},
		{"two defaults", "func main {\n  select default, default\n}\n", "line 2: select: more than one default"},
		{"else without if", "func main {\n  loop {\n  } else {\n  }\n}\n", "line 3: unexpected } else {"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ParseScenario(tt.src)
			if err == nil {
				t.Fatalf("ParseScenario(%q) = nil error, want %q", tt.src, tt.want)
			}
			if !strings.Contains(err.Error(), tt.want) {
				t.Errorf("ParseScenario(%q) error = %q, want %q", tt.src, err, tt.want)
			}
		})
	}
}

// TestParseScenarioAllErrors: one parse reports every bad line.
func TestParseScenarioAllErrors(t *testing.T) {
	_, err := ParseScenario("func main {\n  jump\n  tick x\n  print $nope\n}\n")
	if err == nil {
		t.Fatal("no error")
	}
	got := err.Error()
	for _, want := range []string{"line 2:", "line 3:", "line 4:"} {
		if !strings.Contains(got, want) {
			t.Errorf("error %q lacks %q", got, want)
		}
	}
}

// TestScenarioStatements runs small scenarios whose output shows what each
// statement and variable does.
func TestScenarioStatements(t *testing.T) {
	tests := []struct {
		name, body, want string
		exit             int
	}{
		{"loops and if", `
    repeat 3 {
        if $i == 1 {
            continue
        }
        print i=$i
    }
    loop {
        print once
        break
    }`, "i=0\ni=2\nonce\n", 0},
		{"range counts from 0", `
    make ch 3
    send ch a
    send ch b
    close ch
    range ch {
        print $i $v
    }
    recv ch
    print after close: $v $ok`, "0 a\n1 b\nafter close: 0 false\n", 0},
		{"select case numbering", `
    make a 1
    make b 1
    send b x
    select default, recv a, recv b
    print case $case v $v`, "case 2 v x\n", 0},
		{"select default", `
    make a 0
    select recv a, default
    print case $case`, "case 1\n", 0},
		{"single-case select that blocks", `
    make a 0
    go sender
    select recv a
    print case $case v $v`, "case 0 v hi\n", 0},
		{"trylock", `
    trylock mu
    print $ok
    trylock mu
    print $ok`, "true\nfalse\n", 0},
		{"procs", `
    procs 3
    print was $v now $procs`, "was 1 now 3\n", 0},
		{"exit code", `
    print bye
    exit 3
    print unreachable`, "bye\n", 3},
		{"panic", `
    panic boom $g`, "", 2},
		{"close of closed", `
    make ch 0
    close ch
    close ch`, "", 2},
		{"negative WaitGroup", `
    done wg`, "", 2},
		{"unlock of unlocked", `
    unlock mu`, "", 2},
		{"step limit", `
    loop {
        gosched
    }`, "", -1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src := "config procs=1 steps=1000\nfunc main {" + tt.body + "\n}\nfunc sender {\n    send a hi\n}\n"
			sc, err := ParseScenario(src)
			if err != nil {
				t.Fatal(err)
			}
			sc.Config.Debug = true
			o := sc.Run()
			if o.Stdout != tt.want || o.Exit != tt.exit {
				t.Errorf("run = %q, exit %d (stderr %q), want %q, exit %d", o.Stdout, o.Exit, o.Stderr, tt.want, tt.exit)
			}
		})
	}
}

// TestScenarioRunTwice: a run does not change its Scenario.
func TestScenarioRunTwice(t *testing.T) {
	data, err := os.ReadFile("testdata/close_wakes.txtar")
	if err != nil {
		t.Fatal(err)
	}
	sc, err := ParseScenario(parseArchive(string(data)).files["scenario"])
	if err != nil {
		t.Fatal(err)
	}
	a, b := sc.Run(), sc.Run()
	if a.Stdout != b.Stdout || a.Sim.Trace().Hash() != b.Sim.Trace().Hash() {
		t.Error("two runs of one Scenario differ")
	}
}

// FuzzScenario parses arbitrary text; whatever parses must run with the
// invariants checked, without a panic, and end within its step bound,
// the same way twice.
func FuzzScenario(f *testing.F) {
	files, _ := filepath.Glob("testdata/*.txtar")
	for _, file := range files {
		data, err := os.ReadFile(file)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(parseArchive(string(data)).files["scenario"])
	}
	f.Fuzz(func(t *testing.T, src string) {
		sc, err := ParseScenario(src)
		if err != nil {
			return
		}
		sc.Config.Debug = true
		sc.MaxSteps = 3000
		if sc.Config.Procs > 64 || sc.Config.CPUs > 64 {
			t.Skip("too many Ps for a quick run")
		}
		o := sc.Run()
		if o.Steps > sc.MaxSteps {
			t.Fatalf("ran %d steps, bound %d", o.Steps, sc.MaxSteps)
		}
		if o.Sim.Current() != nil {
			t.Fatal("the run ended with a current G")
		}
		again := sc.Run()
		if again.Stdout != o.Stdout || again.Sim.Trace().Hash() != o.Sim.Trace().Hash() {
			t.Fatal("two runs differ")
		}
	})
}
