package render

import (
	"context"
	"fmt"
	"go/scanner"
	"go/token"
	"strconv"
	"strings"

	"github.com/gotour-gpm/gotour-gpm/tour"
)

// runAll runs every runnable snippet of the tours that has not run yet,
// Parallel at a time. Snippets with the same runKey (the zh and en
// versions of one program) run once.
func (r *Renderer) runAll(ctx context.Context, tours []*tour.Tour) error {
	if r.opts.Run == nil {
		return nil
	}
	type job struct {
		key string
		s   *tour.Snippet
		l   *tour.Lesson
	}
	var jobs []job
	seen := map[string]bool{}
	for _, t := range tours {
		for _, l := range t.Lessons {
			for _, s := range l.Snippets {
				k := runKey(s)
				if !s.Info.Runs() || seen[k] || r.result(s) != nil {
					continue
				}
				seen[k] = true
				jobs = append(jobs, job{k, s, l})
			}
		}
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	sem := make(chan struct{}, r.opts.Parallel)
	errs := make([]error, len(jobs))
	done := make(chan struct{})
	for i, j := range jobs {
		go func() {
			defer func() { done <- struct{}{} }()
			select {
			case sem <- struct{}{}:
			case <-ctx.Done():
				errs[i] = ctx.Err()
				return
			}
			defer func() { <-sem }()
			res, err := r.opts.Run(ctx, j.s)
			if err != nil {
				errs[i] = fmt.Errorf("%s:%d: snippet %s: %w", j.l.File, j.s.Line, j.s.ID, err)
				cancel()
				return
			}
			r.runMu.Lock()
			r.runs[j.key] = res
			r.runMu.Unlock()
		}()
	}
	for range jobs {
		<-done
	}
	// The first error in job order, not in completion order.
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}

// runKey identifies what a snippet's run depends on: its settings and its
// code without comments. Comments are replaced by the newlines they hold,
// so line numbers in messages stay the same; two translations of a
// snippet whose comments span different numbers of lines run separately.
func runKey(s *tour.Snippet) string {
	var b strings.Builder
	fmt.Fprintf(&b, "procs=%d cpus=%d seed=%d\n", s.Info.Procs, s.Info.CPUs, s.Info.Seed)
	b.WriteString(stripComments(s.Code))
	return b.String()
}

// stripComments returns src with each comment replaced by its newlines.
// Code that does not scan is returned unchanged.
func stripComments(src string) string {
	fset := token.NewFileSet()
	f := fset.AddFile("", -1, len(src))
	var sc scanner.Scanner
	bad := false
	sc.Init(f, []byte(src), func(token.Position, string) { bad = true }, scanner.ScanComments)
	var cuts [][2]int
	for {
		pos, tok, lit := sc.Scan()
		if tok == token.EOF {
			break
		}
		if tok == token.COMMENT {
			off := f.Offset(pos)
			cuts = append(cuts, [2]int{off, off + len(lit)})
		}
	}
	if bad {
		return src
	}
	var b strings.Builder
	last := 0
	for _, c := range cuts {
		b.WriteString(strings.TrimRight(src[last:c[0]], " \t"))
		b.WriteString(strings.Repeat("\n", strings.Count(src[c[0]:c[1]], "\n")))
		last = c[1]
	}
	b.WriteString(src[last:])
	return b.String()
}

// snippetArgs is the command line that runs a snippet saved as prog.go.
func snippetArgs(in tour.Info) string {
	// --cpus always: the run command's default machine has 8 CPUs, a
	// snippet's has as many as it has Ps.
	args := []string{"gotour-gpm", "run", "prog.go", "--procs", strconv.Itoa(in.Procs), "--cpus", strconv.Itoa(in.CPUs)}
	if in.Seed != 0 {
		args = append(args, "--seed", strconv.FormatUint(in.Seed, 10))
	}
	return strings.Join(args, " ")
}
