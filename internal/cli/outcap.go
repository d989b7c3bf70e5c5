package cli

import (
	"io"

	"github.com/gotour-gpm/gotour-gpm/runner"
)

// outputSlack is how far past the output limit the parent still passes
// the worker's output on. The runner stops a program at the limit itself;
// this cap is for what might escape it, so that no output of a worker,
// however large, is held whole in the tool's memory (serve keeps a run's
// output to answer with it) or floods the terminal.
const outputSlack = 64 << 10

// outputCap passes the worker's two streams on until, together, they
// pass limit plus outputSlack bytes, and drops the rest.
type outputCap struct {
	left   int64
	over   bool
	so, se io.Writer
}

// newOutputCap caps the output going to stdout and stderr; limit 0 is
// the runner's default, 1 MiB.
func newOutputCap(limit int, stdout, stderr io.Writer) *outputCap {
	if limit <= 0 {
		limit = 1 << 20
	}
	return &outputCap{left: int64(limit) + outputSlack, so: stdout, se: stderr}
}

func (c *outputCap) stdout() io.Writer { return capped{c, c.so} }
func (c *outputCap) stderr() io.Writer { return capped{c, c.se} }

// check makes a run whose output was cut an output-limit run, unless a
// limit already ended it.
func (c *outputCap) check(res *workResult) {
	if c.over && !res.Outcome.IsLimit() {
		res.Outcome, res.ExitCode = runner.OutcomeOutput, runner.OutcomeOutput.ExitCode()
	}
}

type capped struct {
	c *outputCap
	w io.Writer
}

func (w capped) Write(p []byte) (int, error) {
	n := len(p)
	if int64(len(p)) > w.c.left {
		p = p[:w.c.left]
		w.c.over = true
	}
	w.c.left -= int64(len(p))
	if len(p) > 0 {
		if _, err := w.w.Write(p); err != nil {
			return 0, err
		}
	}
	return n, nil
}
