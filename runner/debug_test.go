package runner

import (
	"context"
	"flag"
	"os"
	"strings"
	"testing"
	"time"
)

var (
	debugProg  = flag.String("prog", "", "a program to prepare and run, printing everything (debugging aid)")
	debugProcs = flag.Int("procs", 1, "GOMAXPROCS (and CPUs) for -prog")
)

func TestDebugProg(t *testing.T) {
	if *debugProg == "" {
		t.Skip("debugging aid: go test ./runner -run TestDebugProg -prog FILE")
	}
	src, err := os.ReadFile(*debugProg)
	if err != nil {
		t.Fatal(err)
	}
	p, err := Prepare("prog.go", src, nil)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("rewritten:\n%s", p.Source)
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	res, err := Run(ctx, src, Options{Procs: *debugProcs, CPUs: *debugProcs, Trace: true})
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("outcome=%v exit=%d detail=%s\nstdout:\n%s\nstderr:\n%s", res.Outcome, res.ExitCode, res.Detail, res.Stdout, res.Stderr)
	if res.Trace != nil && len(res.Trace.Events) < 400 {
		var b = new(stringsBuilder)
		res.Trace.WriteText(b)
		t.Logf("trace:\n%s", b.String())
	}
}

type stringsBuilder = strings.Builder
